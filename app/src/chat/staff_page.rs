//! `/admin/chat`: availability and capacity, the queue, "take next", and the staff member's chats
//! side by side with the member's recent inquiries.
use super::api::{get_staff_console, set_presence, take_next};
use super::client::connect;
use super::team::{ChatNotes, TransferChat};
use super::view::ChatPanel;
use super::{topics::topic, ActiveChat};
use crate::admin::StaffGate;
use crate::calendar::format_datetime;
use crate::desk::{DeskEvent, DeskFeed};
use crate::i18n::{msg, use_i18n};
use crate::parent::{PanelFor, ParentPanelView};
use leptos::prelude::*;
use leptos_router::components::A;
use std::time::Duration;

/// Seconds between full reloads of the console when no event says anything changed.
const RESYNC_SECS: u64 = 60;

#[component]
pub fn StaffChatPage() -> impl IntoView {
    view! { <StaffGate><Console /></StaffGate> }
}

fn topic_label(id: &str, lang: crate::i18n::Lang) -> String {
    topic(id).map(|t| t.label.get(lang).to_owned()).unwrap_or_else(|| id.to_owned())
}

#[component]
fn Console() -> impl IntoView {
    let i18n = use_i18n();
    let console = LocalResource::new(get_staff_console);
    // The queue and the chat list reload when the desk socket says they changed (a member joined
    // or left the queue, a chat of mine began or ended); the chats themselves are live sockets.
    // A slow resync covers events lost while the socket reconnected, and the minutes waited.
    if let Some(DeskFeed(feed)) = use_context::<DeskFeed>() {
        Effect::new(move |_| {
            if feed.with(|e| e.as_ref().is_some_and(DeskEvent::moves_console)) {
                console.refetch();
            }
        });
    }
    let handle = set_interval_with_handle(move || console.refetch(), Duration::from_secs(RESYNC_SECS)).ok();
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
    });
    let available = RwSignal::new(false);
    let capacity = RwSignal::new(3i64);
    let loaded = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(c)) = console.get() {
            if !loaded.get_untracked() {
                available.set(c.available);
                capacity.set(c.capacity);
                loaded.set(true);
            }
        }
    });
    let save_presence = Action::new(|(a, c): &(bool, i64)| set_presence(*a, *c));
    let take = Action::new(|_: &()| take_next());
    Effect::new(move |_| {
        if take.value().get().is_some() || save_presence.value().get().is_some() {
            console.refetch();
        }
    });
    let chats = Memo::new(move |_| console.get().and_then(Result::ok).map(|c| c.chats).unwrap_or_default());
    view! {
        <section aria-labelledby="console-title">
            <p><A href="/admin">"← " {i18n.t(msg::ADMIN_TITLE)}</A></p>
            <h1 id="console-title">{i18n.t(msg::STAFF_CHAT_TITLE)}</h1>
            // Shown once the saved presence has loaded, so a click never races the first load.
            <Show when=move || loaded.get() fallback=move || view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }>
            <form class="card presence" on:submit=move |ev| { ev.prevent_default(); save_presence.dispatch((available.get_untracked(), capacity.get_untracked())); }>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || available.get() on:change=move |ev| {
                        available.set(event_target_checked(&ev));
                        save_presence.dispatch((available.get_untracked(), capacity.get_untracked()));
                    } />
                    <span>{i18n.t(msg::STAFF_AVAILABLE)}</span>
                </label>
                <div class="field">
                    <label for="capacity">{i18n.t(msg::STAFF_CAPACITY)}</label>
                    <input id="capacity" type="number" min="1" max="10" prop:value=move || capacity.get().to_string()
                        on:change=move |ev| {
                            capacity.set(event_target_value(&ev).parse().unwrap_or(3));
                            save_presence.dispatch((available.get_untracked(), capacity.get_untracked()));
                        } />
                </div>
            </form>
            </Show>
            <section class="card" aria-labelledby="queue-title">
                <h2 id="queue-title">{i18n.t(msg::STAFF_QUEUE)}</h2>
                {move || {
                    let queue = console.get().and_then(Result::ok).map(|c| c.queue).unwrap_or_default();
                    if queue.is_empty() {
                        view! { <p class="muted">{i18n.t(msg::STAFF_NO_QUEUE)}</p> }.into_any()
                    } else {
                        view! {
                            <ol class="queue">
                                {queue.into_iter().map(|q| {
                                    let at = q.enqueued_at;
                                    let minutes = q.waited_secs / 60;
                                    view! { <li>{q.member_name} " · " {topic_label(&q.topic, i18n.get())} " · " {minutes} {i18n.t(msg::STAFF_WAITING_MIN)}
                                        " (" {move || format_datetime(&at, i18n.get())} ")"</li> }
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }
                }}
                <button type="button" class="primary" on:click=move |_| { take.dispatch(()); }>{i18n.t(msg::STAFF_TAKE_NEXT)}</button>
            </section>
            <h2>{i18n.t(msg::STAFF_CHATS)}</h2>
            <div class="chat-grid">
                <For each=move || chats.get() key=|c| c.session_id children=move |c| view! { <StaffChat chat=c /> } />
            </div>
        </section>
    }
}

#[component]
fn StaffChat(chat: ActiveChat) -> impl IntoView {
    let i18n = use_i18n();
    let conn = connect(chat.session_id);
    // Unread: member messages that arrived since the staff member last clicked into this chat.
    let read_up_to = RwSignal::new(0i64);
    let unread = move || conn.messages.with(|m| m.iter().filter(|m| !m.from_staff && m.id > read_up_to.get()).count());
    let mark_read = move || read_up_to.set(conn.messages.with_untracked(|m| m.last().map(|m| m.id).unwrap_or(0)));
    let title = format!("{} · {}", chat.member_name, topic_label(&chat.topic, i18n.get_untracked()));
    let recent = chat.recent_inquiries.clone();
    let member_id = chat.member_id;
    // The parent site's data is personal and each look-up is audited: asked for, not loaded.
    let show_parent = RwSignal::new(false);
    view! {
        <div class="staff-chat" on:click=move |_| mark_read() on:focusin=move |_| mark_read()>
            {move || (unread() > 0).then(|| view! { <span class="badge">{unread()} " " {i18n.t(msg::STAFF_UNREAD)}</span> })}
            <ChatPanel conn=conn staff_view=true title=title />
            <ChatNotes session_id=chat.session_id />
            {(chat.status == crate::chat::protocol::SessionStatus::Active).then(|| view! { <TransferChat session_id=chat.session_id /> })}
            <details class="card">
                <summary>{i18n.t(msg::STAFF_CONTEXT)} " (" {recent.len()} ")"</summary>
                <p><a href=format!("/admin/members/{member_id}")>{i18n.t(msg::MEMBER_PAGE_LINK)}</a></p>
                <ul>
                    {recent.into_iter().map(|r| view! {
                        <li><A href=format!("/admin/inquiries/{}", r.id)>{r.reference}</A> " " {r.category.get(i18n.get_untracked()).to_owned()}</li>
                    }).collect_view()}
                </ul>
            </details>
            {move || if show_parent.get() {
                view! { <ParentPanelView of=PanelFor::Member(member_id) /> }.into_any()
            } else {
                view! { <button type="button" on:click=move |_| show_parent.set(true)>{i18n.t(msg::PARENT_PANEL_TITLE)}</button> }.into_any()
            }}
        </div>
    }
}
