//! The conversation panel, shared by the member page and the staff console.
use super::client::ChatConnection;
use super::protocol::{ClientMsg, SessionStatus, MESSAGE_MAX};
use crate::calendar::format_datetime;
use crate::files::{AttachmentList, AttachmentPicker, Uploads};
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;

#[component]
pub fn ChatPanel(conn: ChatConnection, staff_view: bool, #[prop(optional)] title: String) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let uploads = Uploads::new(Vec::new());
    // Staff: the first canned reply matching a `/word` in the box (Enter takes it).
    let first_canned = RwSignal::new(None::<String>);
    let active = move || conn.state.with(|s| s.as_ref().is_some_and(|s| s.status == SessionStatus::Active));
    let too_long = move || text.with(|t| t.chars().count() > MESSAGE_MAX);
    let send = move || {
        let body = text.get_untracked();
        let files = uploads.ids();
        if (body.trim().is_empty() && files.is_empty()) || too_long() || uploads.busy_untracked() {
            return;
        }
        conn.problem.set(None);
        conn.send(body, files);
        text.set(String::new());
        uploads.clear();
    };
    let label_id = format!("chat-title-{}", conn.session);
    let heading_id = label_id.clone();
    let input_id = format!("chat-input-{}", conn.session);
    view! {
        <section class="chat-panel card" aria-labelledby=label_id data-session=conn.session>
            <header class="chat-head">
                <h2 id=heading_id>{title}
                    {move || conn.state.get().and_then(|s| s.staff_name).filter(|_| !staff_view)
                        .map(|n| view! { <span>{i18n.t(msg::CHAT_WITH)} ": " {n}</span> })}
                </h2>
                {move || (!conn.connected.get()).then(|| view! { <p class="notice" role="status">{i18n.t(msg::CHAT_RECONNECTING)}</p> })}
            </header>
            <ol class="chat-log" aria-live="polite">
                {move || conn.messages.get().into_iter().map(|m| {
                    let mine = m.from_staff == staff_view;
                    let at = m.at;
                    view! {
                        <li class=if mine { "bubble mine" } else { "bubble theirs" }>
                            <p class="meta">{m.author} " · " <time>{move || format_datetime(&at, i18n.get())}</time></p>
                            <p class="pre">{m.body}</p>
                            <AttachmentList files=m.attachments />
                        </li>
                    }
                }).collect_view()}
                {move || conn.pending.get().into_iter().map(|(_, body, _)| view! {
                    <li class="bubble mine pending"><p class="meta">{i18n.t(msg::CHAT_SENDING)}</p><p class="pre">{body}</p></li>
                }).collect_view()}
            </ol>
            {move || conn.problem.get().map(|p| view! { <p class="error" role="alert">{p.message(i18n.get())}</p> })}
            <p class="typing" aria-live="polite">{move || conn.other_typing.get().then(|| i18n.t(msg::CHAT_TYPING)())}</p>
            {move || active().then(|| view! {
                <form class="chat-form" on:submit=move |ev| { ev.prevent_default(); send(); }>
                    <label for=input_id.clone() class="sr-only">{i18n.t(msg::CHAT_MESSAGE)}</label>
                    <textarea id=input_id.clone() rows="3" aria-invalid=move || too_long().to_string()
                        prop:value=move || text.get()
                        on:input=move |ev| { text.set(event_target_value(&ev)); conn.typing(); }
                        on:paste=move |ev| uploads.paste(&ev)
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) { ev.prevent_default(); send(); return; }
                            let picking = staff_view && text.with(|t| t.starts_with('/'));
                            if ev.key() == "Enter" && picking {
                                if let Some(body) = first_canned.get_untracked() {
                                    ev.prevent_default();
                                    text.set(body);
                                }
                            }
                        }
                        placeholder=move || staff_view.then(|| msg::CHAT_CANNED_HINT.get(i18n.get()))
                    ></textarea>
                    {staff_view.then(|| view! { <super::team::CannedPicker text=text first=first_canned /> })}
                    <AttachmentPicker uploads=uploads id=format!("chat-files-{}", conn.session) />
                    <div class="field-meta">
                        <span class="counter" class:over=too_long>{move || text.with(|t| t.chars().count())} " / " {MESSAGE_MAX}</span>
                    </div>
                    <div class="actions">
                        <button type="submit" class="primary" disabled=move || too_long() || uploads.busy()>{i18n.t(msg::CHAT_SEND)}</button>
                        <button type="button" on:click=move |_| conn.push(ClientMsg::End)>{i18n.t(msg::CHAT_END)}</button>
                    </div>
                </form>
            })}
            {move || conn.state.with(|s| s.as_ref().is_some_and(|s| s.status == SessionStatus::Ended))
                .then(|| view! { <p class="notice" role="status">{i18n.t(msg::CHAT_ENDED)}</p> })}
        </section>
    }
}
