//! The member's inquiry history: the list, and one inquiry with its thread and a follow-up form.
use super::api::{add_follow_up, my_inquiries, my_inquiry};
use super::{InquiryDetail, InquirySummary, Status, ThreadInput, ThreadMessage, THREAD_MAX};
use crate::auth::use_session;
use crate::calendar::format_datetime;
use crate::error::AppError;
use crate::files::{AttachmentList, AttachmentPicker, Uploads};
use crate::i18n::{msg, use_i18n};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class=format!("status status-{}", status.as_str())>{move || status.label(i18n.get())}</span> }
}

#[component]
pub fn HistoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let list = LocalResource::new(my_inquiries);
    view! {
        <section aria-labelledby="history-title">
            <h1 id="history-title">{i18n.t(msg::HISTORY_TITLE)}</h1>
            {move || match (session.state(), list.get()) {
                (Some(None), _) => view! { <p role="alert">{i18n.t(msg::ERR_LOGIN_REQUIRED)} " " <A href="/login?next=/contact/history">{i18n.t(msg::LOGIN)}</A></p> }.into_any(),
                (_, None) => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                (_, Some(Err(e))) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                (_, Some(Ok(items))) if items.is_empty() => view! {
                    <p>{i18n.t(msg::HISTORY_EMPTY)}</p>
                    <p><A href="/contact">{i18n.t(msg::CONTACT_TITLE)}</A></p>
                }.into_any(),
                (_, Some(Ok(items))) => view! { <SummaryTable items=items link_base="/contact/history" /> }.into_any(),
            }}
        </section>
    }
}

/// A table of inquiries; each reference links to `{link_base}/{id}`.
#[component]
pub fn SummaryTable(items: Vec<InquirySummary>, link_base: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t(msg::DONE_REFERENCE)}</th>
                        <th scope="col">{i18n.t(msg::CATEGORY)}</th>
                        <th scope="col">{i18n.t(msg::STATUS)}</th>
                        <th scope="col">{i18n.t(msg::RECEIVED_AT)}</th>
                    </tr>
                </thead>
                <tbody>
                    {items.into_iter().map(|s| {
                        let name = StoredValue::new(s.category);
                        let received = s.received_at;
                        view! {
                            <tr>
                                <td>
                                    <A href=format!("{link_base}/{}", s.id)>{s.reference}</A>
                                    {s.unread.then(|| view! { " " <span class="badge unread">{i18n.t(msg::UNREAD_REPLY)}</span> })}
                                </td>
                                <td>{move || name.with_value(|n| n.get(i18n.get()).to_owned())}</td>
                                <td><StatusBadge status=s.status /></td>
                                <td>{move || format_datetime(&received, i18n.get())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn HistoryDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    let detail = LocalResource::new(move || my_inquiry(id()));
    let latest = RwSignal::new(None::<InquiryDetail>);
    crate::shell::titles::use_title(crate::shell::titles::CONTACT, move || {
        latest.get().or_else(|| detail.get().and_then(Result::ok)).map(|d| d.summary.reference)
    });
    view! {
        <section class="inquiry">
            <p><A href="/contact/history">"← " {i18n.t(msg::HISTORY_TITLE)}</A></p>
            {move || {
                let current = latest.get().map(Ok).or_else(|| detail.get());
                match current {
                    None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                    Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                    Some(Ok(d)) => view! { <InquiryView detail=d on_update=move |d| latest.set(Some(d)) /> }.into_any(),
                }
            }}
        </section>
    }
}

/// An inquiry as its member sees it: facts, what they sent, the thread, and a follow-up form.
#[component]
fn InquiryView(
    detail: InquiryDetail,
    on_update: impl Fn(InquiryDetail) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = detail.summary.id;
    // An inquiry the desk closed by itself still takes a reply (which reopens it).
    let closed = detail.summary.status == Status::Closed && !detail.reopens;
    let body = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let uploads = Uploads::new(Vec::new());
    let send = Action::new(|input: &ThreadInput| add_follow_up(input.clone()));
    // One key per message being written: a retry of the same message is stored once.
    let key = StoredValue::new(crate::contact::wizard::random_key());
    Effect::new(move |_| match send.value().get() {
        Some(Ok(d)) => {
            key.set_value(crate::contact::wizard::random_key());
            body.set(String::new());
            uploads.clear();
            problem.set(None);
            on_update(d);
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = ThreadInput {
            inquiry_id: id,
            body: body.get_untracked(),
            client_key: key.get_value(),
            seen_message_id: None,
            close: false,
            attachments: uploads.ids(),
        };
        if uploads.busy_untracked() {
            return;
        }
        match input.validate() {
            Ok(_) => {
                send.dispatch(input);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let error = Signal::derive(move || problem.get().and_then(|p| p.field_message("body", i18n.get())));
    view! {
        {detail.incident_note.clone().map(|note| view! { <p class="notice incident-note" role="status">{note}</p> })}
        <InquiryFacts detail=detail.clone() />
        <Thread messages=detail.thread.clone() member_view=true />
        {if closed {
            view! { <p class="notice">{i18n.t(msg::CLOSED_NO_MORE)}</p> }.into_any()
        } else {
            view! {
                <form class="card" on:submit=submit novalidate>
                    <h2>{i18n.t(msg::FOLLOW_UP)}</h2>
                    <FormProblem problem=problem.into() />
                    <TextField id="follow-up" label=msg::MESSAGE_BODY value=body error=error multiline=true max_chars=THREAD_MAX />
                    <AttachmentPicker uploads=uploads id="follow-up-files" />
                    <button type="submit" class="primary" disabled=move || send.pending().get() || uploads.busy()>{i18n.t(msg::FOLLOW_UP_SEND)}</button>
                </form>
            }.into_any()
        }}
    }
}

/// Reference, category, status, dates, and the submitted fields.
#[component]
pub fn InquiryFacts(detail: InquiryDetail) -> impl IntoView {
    let i18n = use_i18n();
    let s = detail.summary;
    let name = StoredValue::new(s.category);
    let fields = StoredValue::new(detail.fields);
    let attachments = detail.attachments;
    let (received, due) = (s.received_at, s.due_at);
    view! {
        <div class="card">
            <h1>{s.reference.clone()}</h1>
            <dl class="summary">
                <dt>{i18n.t(msg::CATEGORY)}</dt><dd>{move || name.with_value(|n| n.get(i18n.get()).to_owned())}</dd>
                <dt>{i18n.t(msg::STATUS)}</dt><dd><StatusBadge status=s.status /></dd>
                <dt>{i18n.t(msg::RECEIVED_AT)}</dt><dd>{move || format_datetime(&received, i18n.get())}</dd>
                <dt>{i18n.t(msg::DUE_AT)}</dt><dd>{move || format_datetime(&due, i18n.get())}</dd>
            </dl>
            <h2>{i18n.t(msg::INQUIRY_CONTENT)}</h2>
            <dl class="summary">
                {move || fields.with_value(|fs| fs.iter().map(|f| view! {
                    <dt>{f.label.get(i18n.get()).to_owned()}</dt><dd class="pre">{f.value.get(i18n.get()).to_owned()}</dd>
                }).collect_view())}
            </dl>
            <AttachmentList files=attachments />
        </div>
    }
}

/// The messages between member and desk. Text is rendered as text (never as HTML), line breaks
/// kept by CSS.
#[component]
pub fn Thread(messages: Vec<ThreadMessage>, member_view: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="thread-title">
            <h2 id="thread-title">{i18n.t(msg::THREAD_TITLE)}</h2>
            {if messages.is_empty() {
                view! { <p class="muted">{i18n.t(msg::THREAD_EMPTY)}</p> }.into_any()
            } else {
                view! {
                    <ol class="thread">
                        {messages.into_iter().map(|m| {
                            let at = m.at;
                            let who = if m.from_staff {
                                format!("{} {}", msg::FROM_STAFF.get(i18n.get_untracked()), m.author)
                            } else if member_view {
                                msg::FROM_YOU.get(i18n.get_untracked()).to_owned()
                            } else {
                                m.author.clone()
                            };
                            view! {
                                <li class=if m.from_staff { "message staff" } else { "message member" }>
                                    <p class="meta">
                                        <strong>{who}</strong> " · " {move || format_datetime(&at, i18n.get())}
                                        {m.via_mail.then(|| view! { " · " <span class="tag">{i18n.t(msg::MAIL_VIA_MAIL)}</span> })}
                                    </p>
                                    <p class="pre">{m.body}</p>
                                    // The quoted earlier mail, folded: kept, never repeated in the thread.
                                    {m.quoted.map(|quoted| view! {
                                        <details class="quoted"><summary>{i18n.t(msg::MAIL_SHOW_QUOTED)}</summary><p class="pre">{quoted}</p></details>
                                    })}
                                    <AttachmentList files=m.attachments />
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
