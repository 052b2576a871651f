use super::tools::InquiryTools;
use crate::admin::StaffGate;
use crate::auth::use_session;
use crate::calendar::format_datetime;
use crate::contact::api::get_contact_form;
use crate::contact::history::{InquiryFacts, SummaryTable, Thread};
use crate::contact::inbox_api::{
    add_note, assign_to_me, canned_replies, delete_canned_reply, inbox_inquiry, recategorize, save_canned_reply,
    set_status, staff_reply, update_canned_reply,
};
use crate::contact::{CannedInput, StaffInquiry, Status, ThreadInput, THREAD_MAX};
use crate::desk::{DeskEvent, DeskFeed, DeskLink, WhoElse};
use crate::error::AppError;
use crate::files::{AttachmentPicker, Uploads};
use crate::i18n::{msg, use_i18n};
use crate::parent::{PanelFor, ParentPanelView};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn InboxDetailPage() -> impl IntoView {
    view! { <StaffGate><Detail /></StaffGate> }
}

/// What every staff action answers with: the inquiry as it now stands, or why not.
type StaffResult = Result<StaffInquiry, AppError>;

#[component]
fn Detail() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    let loaded = LocalResource::new(move || inbox_inquiry(id()));
    let latest = RwSignal::new(None::<StaffResult>);
    let current = move || latest.get().or_else(|| loaded.get());
    // Kept here, outside the workspace that is rebuilt whenever the inquiry reloads: a reply
    // refused because the thread moved on keeps its draft and its explanation.
    let reply = RwSignal::new(String::new());
    let reply_files = Uploads::new(Vec::new());
    let problem = RwSignal::new(None::<AppError>);
    // Someone else answered this inquiry while it is open here (the staff event socket). Kept
    // until the staff member shows the latest: other events (presence) follow in the feed.
    let answered_elsewhere = RwSignal::new(false);
    if let Some(DeskFeed(feed)) = use_context::<DeskFeed>() {
        Effect::new(move |_| {
            if feed.with(|e| matches!(e, Some(DeskEvent::Answered { inquiry_id, .. }) if *inquiry_id == id())) {
                answered_elsewhere.set(true);
            }
            // The member wrote (on the site or by mail): show it at once. The draft is kept
            // outside what reloads, and the reply then carries the newest message seen.
            if feed.with(|e| matches!(e, Some(DeskEvent::FollowUp { inquiry_id, .. }) if *inquiry_id == id())) {
                latest.set(None);
                loaded.refetch();
            }
        });
    }
    let show_latest = move |_| {
        answered_elsewhere.set(false);
        latest.set(None);
        loaded.refetch();
    };
    crate::shell::titles::use_title(crate::shell::titles::STAFF, move || {
        current().and_then(Result::ok).map(|i| i.detail.summary.reference)
    });
    view! {
        <section>
            <p><A href="/admin/inquiries">"← " {i18n.t(msg::INBOX_TITLE)}</A></p>
            {move || { let id = id(); view! { <WhoElse id=id /> } }}
            {move || answered_elsewhere.get().then(|| view! {
                <p class="card notice" role="status">
                    {i18n.t(msg::DESK_ANSWERED_HERE)} " "
                    <button type="button" on:click=show_latest>{i18n.t(msg::DESK_SHOW_LATEST)}</button>
                </p>
            })}
            {move || match current() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(inquiry)) => view! {
                    <Workspace inquiry=inquiry reply=reply reply_files=reply_files problem=problem on_update=move |r| latest.set(Some(r)) />
                }
                .into_any(),
            }}
        </section>
    }
}

#[component]
fn Workspace(
    inquiry: StaffInquiry,
    reply: RwSignal<String>,
    reply_files: Uploads,
    problem: RwSignal<Option<AppError>>,
    on_update: impl Fn(StaffResult) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let id = inquiry.detail.summary.id;
    let seen = inquiry.last_message_id;
    let note = RwSignal::new(String::new());
    // The reply closes the inquiry (and its mail invites the member to the survey).
    let close = RwSignal::new(false);
    let canned_title = RwSignal::new(String::new());
    // Whether a saved canned reply is for this inquiry's category only.
    let canned_for_category = RwSignal::new(false);
    let category_id = inquiry.category_id.clone();
    // Assigned to someone else: taking it over is asked first.
    let taken_by_other = inquiry.assignee_id.is_some() && inquiry.assignee_id != session.user().map(|u| u.id);
    let status_choice = RwSignal::new(inquiry.detail.summary.status.as_str().to_owned());
    let category_choice = RwSignal::new(inquiry.category_id.clone());
    let form = LocalResource::new(get_contact_form);
    let move_category = Action::new(move |category_id: &String| recategorize(id, category_id.clone()));

    let send_reply = Action::new(|input: &ThreadInput| staff_reply(input.clone()));
    // One key per reply being written: a retry of the same reply is stored and mailed once.
    let reply_key = StoredValue::new(crate::contact::wizard::random_key());
    let send_note = Action::new(|input: &ThreadInput| add_note(input.clone()));
    let change_status = Action::new(move |status: &Status| set_status(id, *status));
    let assign = Action::new(move |_: &()| assign_to_me(id));
    // After a refused reply: the inquiry as it now stands, with the message that came in between.
    let reload = Action::new(move |_: &()| inbox_inquiry(id));
    let canned = LocalResource::new(canned_replies);
    // Others on this inquiry see "typing" while the reply changes (a canned text counts too).
    if let Some(link) = use_context::<DeskLink>() {
        Effect::new(move |first: Option<()>| {
            reply.track();
            if first.is_some() {
                link.typing();
            }
        });
    }
    let save_canned = Action::new(|input: &CannedInput| save_canned_reply(input.clone()));
    // The canned reply last inserted: "overwrite" and "delete" act on it.
    let chosen_canned = RwSignal::new(None::<(i64, String)>);
    let update_canned = Action::new(|(id, input): &(i64, CannedInput)| update_canned_reply(*id, input.clone()));
    let remove_canned = Action::new(|id: &i64| delete_canned_reply(*id));

    // Each action answers with the updated inquiry; show it, or the problem.
    let settle = move |result: Option<StaffResult>, clear: Option<RwSignal<String>>| match result {
        Some(Ok(updated)) => {
            problem.set(None);
            if let Some(field) = clear {
                field.set(String::new());
            }
            on_update(Ok(updated));
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    };
    Effect::new(move |_| {
        let result = send_reply.value().get();
        if matches!(result, Some(Ok(_))) {
            reply_key.set_value(crate::contact::wizard::random_key());
            reply_files.clear();
        }
        if matches!(result, Some(Err(AppError::StaleThread))) {
            reload.dispatch(());
        }
        settle(result, Some(reply))
    });
    Effect::new(move |_| {
        if let Some(Ok(fresh)) = reload.value().get() {
            on_update(Ok(fresh));
        }
    });
    Effect::new(move |_| settle(send_note.value().get(), Some(note)));
    Effect::new(move |_| settle(change_status.value().get(), None));
    Effect::new(move |_| settle(assign.value().get(), None));
    Effect::new(move |_| settle(move_category.value().get(), None));
    Effect::new(move |_| match save_canned.value().get() {
        Some(Ok(_)) => {
            canned_title.set(String::new());
            canned.refetch();
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    for changed in [update_canned.value(), remove_canned.value()] {
        Effect::new(move |_| match changed.get() {
            Some(Ok(_)) => {
                problem.set(None);
                chosen_canned.set(None);
                canned_title.set(String::new());
                canned.refetch();
            }
            Some(Err(e)) => problem.set(Some(e)),
            None => {}
        });
    }

    let field_error =
        move |name: &'static str| Signal::derive(move || problem.get().and_then(|p| p.field_message(name, i18n.get())));
    let submit_reply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = ThreadInput {
            inquiry_id: id,
            body: reply.get_untracked(),
            client_key: reply_key.get_value(),
            seen_message_id: Some(seen),
            close: close.get_untracked(),
            attachments: reply_files.ids(),
        };
        if reply_files.busy_untracked() {
            return;
        }
        match input.validate() {
            Ok(_) => {
                send_reply.dispatch(input);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let submit_note = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = ThreadInput {
            inquiry_id: id,
            body: note.get_untracked(),
            client_key: String::new(),
            seen_message_id: None,
            close: false,
            attachments: Vec::new(),
        };
        match input.validate() {
            Ok(_) => {
                send_note.dispatch(input);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let (member_name, reference) = (inquiry.member_name.clone(), inquiry.detail.summary.reference.clone());
    // The category a canned reply being saved is for, when the box is ticked.
    let canned_category = {
        let category_id = StoredValue::new(inquiry.category_id.clone());
        move || canned_for_category.get_untracked().then(|| category_id.get_value())
    };
    let insert_canned = move |ev| {
        let chosen = event_target_value(&ev).parse::<i64>().ok();
        let found = canned.get().and_then(Result::ok).and_then(|list| list.into_iter().find(|c| Some(c.id) == chosen));
        chosen_canned.set(found.as_ref().map(|c| (c.id, c.title.clone())));
        if let Some(c) = &found {
            canned_for_category.set(c.category_id.is_some());
        }
        // The member's name and the reference are known here; other placeholders stay visible
        // for the staff member to fill.
        let text = found.map(|c| c.body.replace("{{member_name}}", &member_name).replace("{{reference}}", &reference));
        if let Some(text) = text {
            reply.update(|r| {
                if !r.is_empty() && !r.ends_with('\n') {
                    r.push('\n');
                }
                r.push_str(&text);
            });
        }
    };
    let notes = inquiry.notes.clone();
    let history = inquiry.member_history.clone();
    let evidence = inquiry.parent_evidence.clone();
    let use_suggestion = Callback::new(move |text: String| {
        reply.update(|r| {
            if !r.is_empty() && !r.ends_with('\n') {
                r.push('\n');
            }
            r.push_str(&text);
        })
    });
    view! {
        <FormProblem problem=problem.into() />
        <div class="staff-bar card">
            <p>
                <strong>{i18n.t(msg::MEMBER)} ": "</strong><a href=format!("/admin/members/{}", inquiry.member_id)>{inquiry.member_name.clone()}</a> " <" {inquiry.member_email.clone()} ">"
                " · " <strong>{i18n.t(msg::ASSIGNEE)} ": "</strong>
                {inquiry.assignee_name.clone().unwrap_or_else(|| msg::UNASSIGNED.get(i18n.get_untracked()).to_owned())}
                {inquiry.overdue.then(|| view! { " " <span class="badge overdue">{i18n.t(msg::OVERDUE)}</span> })}
            </p>
            {inquiry.member_mail_failing.then(|| view! { <p class="notice warn" role="status">{i18n.t(msg::MAIL_FAILING_STAFF)}</p> })}
            <div class="actions">
                <button type="button" on:click=move |_| {
                    let asked = || window().confirm_with_message(msg::ASSIGN_TAKE_OVER.get(i18n.get())).unwrap_or(false);
                    if !taken_by_other || asked() {
                        assign.dispatch(());
                    }
                }>{i18n.t(msg::ASSIGN_ME)}</button>
                <label for="status-select" class="sr-only">{i18n.t(msg::STATUS)}</label>
                <select id="status-select" on:change=move |ev| status_choice.set(event_target_value(&ev))>
                    {Status::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=move || status_choice.get() == s.as_str()>{move || s.label(i18n.get())}</option>
                    }).collect_view()}
                </select>
                <button type="button" on:click=move |_| {
                    if let Some(s) = Status::parse(&status_choice.get_untracked()) { change_status.dispatch(s); }
                }>{i18n.t(msg::CHANGE_STATUS)}</button>
                <label for="category-select" class="sr-only">{i18n.t(msg::CATEGORY)}</label>
                <select id="category-select" on:change=move |ev| category_choice.set(event_target_value(&ev))>
                    {move || form.get().and_then(Result::ok).map(|f| f.categories).unwrap_or_default().into_iter().map(|c| {
                        let value = c.id.clone();
                        view! { <option value=c.id.clone() selected=move || category_choice.get() == value>{c.name.get(i18n.get()).to_owned()}</option> }
                    }).collect_view()}
                </select>
                <button type="button" on:click=move |_| { move_category.dispatch(category_choice.get_untracked()); }>{i18n.t(msg::RECATEGORIZE)}</button>
            </div>
        </div>
        <InquiryTools inquiry=inquiry.clone() problem=problem on_update=on_update />
        <InquiryFacts detail=inquiry.detail.clone() />
        <Thread messages=inquiry.detail.thread.clone() member_view=false />
        {(!evidence.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="evidence-title">
                <h2 id="evidence-title">{i18n.t(msg::PARENT_EVIDENCE_TITLE)}</h2>
                <ul>
                    {evidence.into_iter().map(|e| {
                        let at = e.looked_up_at;
                        view! { <li><span class="meta">{move || format_datetime(&at, i18n.get())} " · " {e.staff}</span> " " {e.summary}</li> }
                    }).collect_view()}
                </ul>
            </section>
        })}
        <ParentPanelView of=PanelFor::Inquiry(id) on_suggest=use_suggestion />
        <form class="card" on:submit=submit_reply novalidate>
            <h2>{i18n.t(msg::REPLY_TITLE)}</h2>
            <div class="field">
                <label for="canned-select">{i18n.t(msg::CANNED_INSERT)}</label>
                <select id="canned-select" on:change=insert_canned>
                    <option value="">{i18n.t(msg::SELECT_PLACEHOLDER)}</option>
                    {
                        let category_id = category_id.clone();
                        // This category's own replies first, then the general ones.
                        move || {
                            let mut offered: Vec<_> = canned.get().and_then(Result::ok).unwrap_or_default()
                                .into_iter().filter(|c| c.offered_for(&category_id)).collect();
                            offered.sort_by_key(|c| c.category_id.is_none());
                            offered.into_iter().map(|c| view! { <option value=c.id.to_string()>{c.title}</option> }).collect_view()
                        }
                    }
                </select>
            </div>
            <TextField id="reply" label=msg::REPLY_TITLE value=reply error=field_error("body") multiline=true max_chars=THREAD_MAX />
            <AttachmentPicker uploads=reply_files id="reply-files" />
            <label class="choice">
                <input type="checkbox" prop:checked=move || close.get() on:change=move |ev| close.set(event_target_checked(&ev)) />
                <span>{i18n.t(msg::REPLY_CLOSE)}</span>
            </label>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || send_reply.pending().get() || reply_files.busy()>{i18n.t(msg::REPLY_SEND)}</button>
            </div>
            <div class="inline-form">
                <TextField id="canned-title" label=msg::CANNED_TITLE value=canned_title error=field_error("title") max_chars=60 />
                <button type="button" on:click=move |_| {
                    save_canned.dispatch(CannedInput {
                        title: canned_title.get_untracked(),
                        body: reply.get_untracked(),
                        category_id: canned_category(),
                    });
                }>{i18n.t(msg::CANNED_SAVE)}</button>
            </div>
            <label class="choice">
                <input type="checkbox" prop:checked=move || canned_for_category.get()
                    on:change=move |ev| canned_for_category.set(event_target_checked(&ev)) />
                <span>{i18n.t(msg::CANNED_FOR_CATEGORY)}</span>
            </label>
            {move || chosen_canned.get().map(|(canned_id, title)| view! {
                <div class="actions">
                    <span class="muted">{i18n.t(msg::CANNED_CHOSEN)} ": " {title.clone()}</span>
                    <button type="button" on:click=move |_| {
                        let typed = canned_title.get_untracked();
                        let title = if typed.trim().is_empty() { title.clone() } else { typed };
                        update_canned.dispatch((canned_id, CannedInput { title, body: reply.get_untracked(), category_id: canned_category() }));
                    }>{i18n.t(msg::CANNED_OVERWRITE)}</button>
                    <button type="button" on:click=move |_| {
                        if window().confirm_with_message(msg::CANNED_DELETE_ASK.get(i18n.get())).unwrap_or(false) {
                            remove_canned.dispatch(canned_id);
                        }
                    }>{i18n.t(msg::CANNED_DELETE)}</button>
                </div>
            })}
        </form>
        <section class="card notes" aria-labelledby="notes-title">
            <h2 id="notes-title">{i18n.t(msg::NOTES_TITLE)}</h2>
            <ul>
                {notes.into_iter().map(|n| {
                    let at = n.at;
                    view! { <li><p class="meta"><strong>{n.author}</strong> " · " {move || format_datetime(&at, i18n.get())}</p><p class="pre">{n.body}</p></li> }
                }).collect_view()}
            </ul>
            <form on:submit=submit_note novalidate>
                <TextField id="note" label=msg::NOTE_ADD value=note error=Signal::derive(|| None::<String>) multiline=true max_chars=THREAD_MAX />
                <button type="submit">{i18n.t(msg::NOTE_ADD)}</button>
            </form>
        </section>
        <section class="card" aria-labelledby="member-history-title">
            <h2 id="member-history-title">{i18n.t(msg::MEMBER_HISTORY)}</h2>
            {if history.is_empty() {
                view! { <p class="muted">{i18n.t(msg::NONE_YET)}</p> }.into_any()
            } else {
                view! { <SummaryTable items=history link_base="/admin/inquiries" /> }.into_any()
            }}
        </section>
    }
}
