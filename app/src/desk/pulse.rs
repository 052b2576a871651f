//! In every staff page: the event socket, a count of what arrived since the staff member last
//! looked (a move to another page or back to the tab resets it), shown in the tab title
//! (「(3) お問い合わせ受信箱 | …」, through `shell::titles::TitleCount`) and as a badge linking to
//! the dashboard; a short sound (on by default, switchable, remembered in this browser) and a
//! desktop notification once the staff member allowed them. The newest event is shared
//! (`DeskFeed`) so a page can react to it (an inquiry answered by someone else). Reconnects with
//! backoff when the line drops. Pages talk back through `DeskLink` (presence on an inquiry).
use super::alerts::{beep, notifications_allowed, notify, request_notifications, sound_on, toggle_sound};
use super::{DeskClientMsg, DeskEvent, DeskLink};
use crate::auth::use_session;
use crate::i18n::{msg, use_i18n};
use crate::shell::titles::TitleCount;
use futures_channel::mpsc::unbounded;
use futures_util::StreamExt;
use futures_util::{select, FutureExt, SinkExt};
use gloo_net::websocket::futures::WebSocket;
use gloo_net::websocket::Message;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The newest event this tab received.
#[derive(Clone, Copy)]
pub struct DeskFeed(pub RwSignal<Option<DeskEvent>>);

fn socket_url() -> Option<String> {
    let location = window().location();
    let secure = location.protocol().ok()? == "https:";
    Some(format!("{}://{}/ws/desk", if secure { "wss" } else { "ws" }, location.host().ok()?))
}

#[component]
pub fn DeskPulse() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let count = expect_context::<TitleCount>().0;
    let feed = DeskFeed(RwSignal::new(None));
    provide_context(feed);
    let (outbox, outgoing) = unbounded::<DeskClientMsg>();
    // Taken by the socket task when it starts.
    let outgoing = StoredValue::new_local(Some(outgoing));
    let link = DeskLink::new(outbox);
    provide_context(link);
    // Which inquiry this tab shows goes to the server as it changes (and again on reconnect).
    Effect::new(move |previous: Option<Option<i64>>| {
        let viewing = link.viewing.get();
        if previous.is_some_and(|p| p != viewing) {
            link.push(DeskClientMsg::Viewing { inquiry_id: viewing });
        }
        viewing
    });
    let sound = RwSignal::new(sound_on());
    let allowed = RwSignal::new(notifications_allowed());
    let location = use_location();
    // Looking at another page, or coming back to the tab, is looking.
    Effect::new(move |_| {
        location.pathname.track();
        count.set(0);
    });
    let _focus = window_event_listener(leptos::ev::focus, move |_| {
        count.set(0);
        allowed.set(notifications_allowed());
    });
    let started = StoredValue::new(false);
    Effect::new(move |_| {
        // Staff only, once, after two-factor is done (the socket refuses otherwise).
        let ready = session.user().is_some_and(|u| u.is_staff() && !u.two_factor_due);
        if !ready || started.get_value() {
            return;
        }
        started.set_value(true);
        let Some(mut outgoing) = outgoing.try_update_value(Option::take).flatten() else { return };
        leptos::task::spawn_local(async move {
            let mut backoff = 1u64;
            loop {
                if let Some(Ok(socket)) = socket_url().map(|u| WebSocket::open(&u)) {
                    let (mut sink, mut stream) = socket.split();
                    let hello = DeskClientMsg::Viewing { inquiry_id: link.viewing.get_untracked() };
                    let mut open =
                        sink.send(Message::Text(serde_json::to_string(&hello).unwrap_or_default())).await.is_ok();
                    while open {
                        let text = select! {
                            frame = stream.next().fuse() => match frame {
                                Some(Ok(Message::Text(text))) => text,
                                Some(Ok(_)) => continue,
                                _ => break,
                            },
                            out = outgoing.next() => {
                                if let Some(msg) = out {
                                    open = sink.send(Message::Text(serde_json::to_string(&msg).unwrap_or_default())).await.is_ok();
                                }
                                continue;
                            },
                        };
                        backoff = 1;
                        let Ok(event) = serde_json::from_str::<DeskEvent>(&text) else { continue };
                        if event.alerts() {
                            count.update(|n| *n += 1);
                            if sound.get_untracked() {
                                beep();
                            }
                            notify(event.describe().get(i18n.get_untracked()));
                        }
                        feed.0.set(Some(event));
                    }
                }
                crate::chat::client::sleep_ms(backoff * 1000).await;
                backoff = (backoff * 2).min(30);
            }
        });
    });
    let badge = move || {
        let n = count.get();
        (n > 0).then(|| {
            view! {
                <a class="desk-pulse-count" href="/admin" role="status" aria-live="polite">
                    {i18n.t(msg::DESK_NEW)} " " <span class="badge">{n}</span>
                </a>
            }
        })
    };
    view! {
        <div class="desk-pulse">
            {badge}
            <label class="desk-sound">
                <input type="checkbox" prop:checked=move || sound.get() on:change=move |_| sound.set(toggle_sound()) />
                " " {i18n.t(msg::DESK_SOUND)}
            </label>
            {move || (!allowed.get()).then(|| view! {
                <button type="button" class="link" on:click=move |_| request_notifications(allowed)>
                    {i18n.t(msg::DESK_ALLOW_NOTIFICATIONS)}
                </button>
            })}
        </div>
    }
}
