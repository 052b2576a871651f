//! Who else has an inquiry open, and who is typing a reply to it (Zammad-style collision
//! warnings). The inquiry page says which inquiry it shows through `DeskLink`; the tab's desk
//! socket tells the server, which repeats it to the other tabs showing the same inquiry, on any
//! instance. A viewer who stops being heard from (a crashed tab sends no goodbye) is dropped
//! after `PRESENCE_GONE_SECS`.
use super::{DeskClientMsg, DeskEvent, DeskFeed, PRESENCE_GONE_SECS, TYPING_SHOWN_SECS};
use crate::i18n::{msg, use_i18n};
use futures_channel::mpsc::UnboundedSender;
use leptos::prelude::*;
use std::time::Duration;

/// The way from a page to its tab's desk socket.
#[derive(Clone, Copy)]
pub struct DeskLink {
    pub(super) outbox: StoredValue<UnboundedSender<DeskClientMsg>, LocalStorage>,
    /// The inquiry this tab shows; sent again whenever the socket reconnects.
    pub(super) viewing: RwSignal<Option<i64>>,
    last_typing: StoredValue<f64>,
}

impl DeskLink {
    pub(super) fn new(outbox: UnboundedSender<DeskClientMsg>) -> Self {
        DeskLink {
            outbox: StoredValue::new_local(outbox),
            viewing: RwSignal::new(None),
            last_typing: StoredValue::new(0.0),
        }
    }

    pub(super) fn push(&self, msg: DeskClientMsg) {
        self.outbox.with_value(|tx| {
            let _ = tx.unbounded_send(msg);
        });
    }

    /// The staff member typed in the reply; passed on at most every two seconds.
    pub fn typing(&self) {
        let now = js_sys::Date::now();
        if now - self.last_typing.get_value() >= 2000.0 {
            self.last_typing.set_value(now);
            self.push(DeskClientMsg::Typing);
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Viewer {
    staff_id: i64,
    name: String,
    heard_at: f64,
    typing_until: f64,
}

/// Says that this page shows inquiry `id`, until the page goes away.
pub fn announce_viewing(id: i64) {
    let Some(link) = use_context::<DeskLink>() else { return };
    link.viewing.set(Some(id));
    on_cleanup(move || {
        if link.viewing.get_untracked() == Some(id) {
            link.viewing.set(None);
        }
    });
}

/// The others on inquiry `id`: 「佐藤 さんも開いています」「佐藤 さんが返信を入力中…」.
#[component]
pub fn WhoElse(id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let viewers = RwSignal::new(Vec::<Viewer>::new());
    announce_viewing(id);
    if let Some(DeskFeed(feed)) = use_context::<DeskFeed>() {
        Effect::new(move |_| {
            let Some(event) = feed.get() else { return };
            let now = js_sys::Date::now();
            match event {
                DeskEvent::Presence { inquiry_id, staff_id, name, typing, .. } if inquiry_id == id => {
                    viewers.update(|list| {
                        let typing_until = if typing { now + TYPING_SHOWN_SECS as f64 * 1000.0 } else { 0.0 };
                        match list.iter_mut().find(|v| v.staff_id == staff_id) {
                            Some(v) => {
                                v.heard_at = now;
                                v.name = name;
                                if typing {
                                    v.typing_until = typing_until;
                                }
                            }
                            None => list.push(Viewer { staff_id, name, heard_at: now, typing_until }),
                        }
                    });
                }
                DeskEvent::Away { inquiry_id, staff_id } if inquiry_id == id => {
                    viewers.update(|list| list.retain(|v| v.staff_id != staff_id));
                }
                _ => {}
            }
        });
    }
    // A local clock, not a server poll: it drops the silent and ends "typing" on time.
    let now = RwSignal::new(js_sys::Date::now());
    let handle = set_interval_with_handle(move || now.set(js_sys::Date::now()), Duration::from_secs(1)).ok();
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
    });
    let present = move || {
        let now = now.get();
        viewers.with(|list| {
            list.iter()
                .filter(|v| now - v.heard_at < PRESENCE_GONE_SECS as f64 * 1000.0)
                .map(|v| (v.name.clone(), v.typing_until > now))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="who-else" role="status" aria-live="polite">
            {move || present().into_iter().map(|(name, typing)| {
                let text = if typing { msg::DESK_OTHER_TYPING } else { msg::DESK_OTHER_VIEWING };
                view! { <p class="badge who">{name} {i18n.t(text)}</p> }
            }).collect_view()}
        </div>
    }
}
