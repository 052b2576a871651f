//! Console pieces for chat teamwork, and the member's "mail me the transcript".
use super::api::{add_chat_note, chat_colleagues, chat_notes, mail_transcript, transfer_chat};
use super::{ChatNoteInput, NOTE_MAX};
use crate::calendar::format_datetime;
use crate::contact::inbox_api::canned_replies;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;

/// Canned replies for the chat box: typing `/` and a word lists the mail desk's canned replies
/// whose title or text contains it; a click (or Enter, for the first) puts its text in the box.
#[component]
pub fn CannedPicker(text: RwSignal<String>, first: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let canned = LocalResource::new(canned_replies);
    let matches = Memo::new(move |_| {
        let query = text.with(|t| t.strip_prefix('/').map(|q| q.trim().to_lowercase()));
        let Some(query) = query else { return Vec::new() };
        canned
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|c| c.title.to_lowercase().contains(&query) || c.body.to_lowercase().contains(&query))
            .take(6)
            .collect::<Vec<_>>()
    });
    Effect::new(move |_| first.set(matches.with(|m| m.first().map(|c| c.body.clone()))));
    view! {
        {move || {
            let list = matches.get();
            let slash = text.with(|t| t.starts_with('/'));
            (slash).then(|| view! {
                <div class="canned-picker" role="group" aria-label=i18n.t(msg::CHAT_CANNED)>
                    {if list.is_empty() {
                        view! { <p class="muted">{i18n.t(msg::CHAT_CANNED_NONE)}</p> }.into_any()
                    } else {
                        list.into_iter().map(|c| {
                            let body = c.body.clone();
                            view! { <button type="button" class="link" on:click=move |_| text.set(body.clone())>{c.title}</button> }
                        }).collect_view().into_any()
                    }}
                </div>
            })
        }}
    }
}

/// Internal notes on a chat: staff only, never shown to the member.
#[component]
pub fn ChatNotes(session_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let notes = LocalResource::new(move || chat_notes(session_id));
    let body = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let add = Action::new(|input: &ChatNoteInput| add_chat_note(input.clone()));
    let latest = RwSignal::new(None);
    Effect::new(move |_| match add.value().get() {
        Some(Ok(list)) => {
            body.set(String::new());
            problem.set(None);
            latest.set(Some(list));
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let shown = move || latest.get().or_else(|| notes.get().and_then(Result::ok)).unwrap_or_default();
    let input_id = format!("chat-note-{session_id}");
    view! {
        <details class="card chat-notes">
            <summary>{i18n.t(msg::CHAT_NOTES)} " (" {move || shown().len()} ")"</summary>
            <ul>
                {move || shown().into_iter().map(|n| {
                    let at = n.at;
                    view! { <li><p class="meta"><strong>{n.author}</strong> " · " {move || format_datetime(&at, i18n.get())}</p><p class="pre">{n.body}</p></li> }
                }).collect_view()}
            </ul>
            <form on:submit=move |ev| {
                ev.prevent_default();
                let input = ChatNoteInput { session_id, body: body.get_untracked() };
                match input.validate() {
                    Ok(_) => { add.dispatch(input); }
                    Err(e) => problem.set(Some(e)),
                }
            } novalidate>
                <label for=input_id.clone()>{i18n.t(msg::CHAT_NOTE_ADD)}</label>
                <textarea id=input_id rows="2" maxlength=NOTE_MAX prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                {move || problem.get().map(|p| view! { <p class="error" role="alert">{p.field_message("body", i18n.get()).unwrap_or_else(|| p.message(i18n.get()))}</p> })}
                <button type="submit" disabled=move || add.pending().get()>{i18n.t(msg::CHAT_NOTE_ADD)}</button>
            </form>
        </details>
    }
}

/// Hands the chat to an available colleague with room.
#[component]
pub fn TransferChat(session_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let colleagues = LocalResource::new(chat_colleagues);
    let chosen = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let transfer = Action::new(move |to: &i64| transfer_chat(session_id, *to));
    Effect::new(move |_| {
        if let Some(Err(e)) = transfer.value().get() {
            problem.set(Some(e));
            colleagues.refetch();
        }
    });
    let select_id = format!("transfer-{session_id}");
    view! {
        <details class="card chat-transfer" on:toggle=move |_| colleagues.refetch()>
            <summary>{i18n.t(msg::CHAT_TRANSFER)}</summary>
            {move || {
                let list = colleagues.get().and_then(Result::ok).unwrap_or_default();
                if list.is_empty() {
                    return view! { <p class="muted">{i18n.t(msg::CHAT_TRANSFER_NOBODY)}</p> }.into_any();
                }
                view! {
                    <label for=select_id.clone()>{i18n.t(msg::CHAT_TRANSFER_TO)}</label>
                    <select id=select_id.clone() on:change=move |ev| chosen.set(event_target_value(&ev))>
                        <option value="">{i18n.t(msg::SELECT_PLACEHOLDER)}</option>
                        {list.into_iter().map(|c| {
                            // How many more chats each can take, to choose sensibly.
                            let label = format!("{} ({} {})", c.name, msg::CHAT_TRANSFER_ROOM.get(i18n.get_untracked()), c.room);
                            view! { <option value=c.id.to_string()>{label}</option> }
                        }).collect_view()}
                    </select>
                    <button type="button" disabled=move || chosen.with(String::is_empty) || transfer.pending().get()
                        on:click=move |_| { if let Ok(to) = chosen.get_untracked().parse() { transfer.dispatch(to); } }>
                        {i18n.t(msg::CHAT_TRANSFER)}
                    </button>
                }.into_any()
            }}
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p.message(i18n.get())}</p> })}
        </details>
    }
}

/// After the chat: the member may have its transcript mailed to them (once).
#[component]
pub fn MailTranscript(session_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let mail = Action::new(move |_: &()| mail_transcript(session_id));
    view! {
        <div class="card mail-transcript">
            {move || match mail.value().get() {
                Some(Ok(())) => view! { <p role="status">{i18n.t(msg::CHAT_TRANSCRIPT_MAILED)}</p> }.into_any(),
                other => view! {
                    {other.and_then(Result::err).map(|e| view! { <p class="error" role="alert">{e.message(i18n.get())}</p> })}
                    <button type="button" disabled=move || mail.pending().get() on:click=move |_| { mail.dispatch(()); }>
                        {i18n.t(msg::CHAT_TRANSCRIPT_MAIL)}
                    </button>
                }.into_any(),
            }}
        </div>
    }
}
