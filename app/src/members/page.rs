//! `/admin/members/:id`: one member on one screen. Everything the member wrote is shown as text.
use super::api::get_member_record;
use super::{AccountEventKind, MemberRecord, SurveyAbout};
use crate::account::api::withdraw_member;
use crate::admin::StaffGate;
use crate::calendar::format_datetime;
use crate::chat::topic;
use crate::contact::StatusBadge;
use crate::i18n::{msg, use_i18n, Text};
use crate::parent::{PanelFor, ParentPanelView};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn MemberPage() -> impl IntoView {
    view! { <StaffGate><Member /></StaffGate> }
}

#[component]
fn Member() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok())).unwrap_or(0);
    let record = LocalResource::new(move || get_member_record(id()));
    move || match record.get() {
        None => view! { <p class="muted" role="status">{i18n.t(msg::LOADING)}</p> }.into_any(),
        Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
        Some(Ok(r)) => view! { <Record r on_change=move || record.refetch() /> }.into_any(),
    }
}

fn event_label(kind: AccountEventKind) -> Text {
    match kind {
        AccountEventKind::Joined => msg::EVENT_JOINED,
        AccountEventKind::AddressVerified => msg::EVENT_VERIFIED,
        AccountEventKind::AddressChangeAsked => msg::EVENT_CHANGE_ASKED,
        AccountEventKind::MailFailing => msg::MAIL_FAILING_STAFF,
        AccountEventKind::Withdrawn => msg::EVENT_WITHDRAWN,
    }
}

#[component]
fn Record(r: MemberRecord, on_change: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let joined = r.joined_at;
    let when = move |at| move || format_datetime(&at, i18n.get());
    let empty = move |none: bool| none.then(|| view! { <p class="muted">{i18n.t(msg::NONE_YET)}</p> });
    let member_id = r.id;
    // Each look-up at the parent site is audited personal data: asked for, not loaded with the page.
    let show_parent = RwSignal::new(false);
    let linked = r.sso_subject.is_some() && r.withdrawn_at.is_none();
    view! {
        <section aria-labelledby="member-title" class="member-page">
            <h1 id="member-title">{r.display_name.clone()}</h1>
            <dl class="member-facts">
                <dt>{i18n.t(msg::EMAIL)}</dt><dd>{r.email.clone()}</dd>
                <dt>{i18n.t(msg::MEMBER_PARENT_ID)}</dt><dd>{r.sso_subject.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{i18n.t(msg::EVENT_JOINED)}</dt><dd>{when(joined)}</dd>
            </dl>
            {r.withdrawn_at.map(|_| view! { <p class="notice" role="status">{i18n.t(msg::EVENT_WITHDRAWN)}</p> })}
            {move || linked.then(|| if show_parent.get() {
                view! { <ParentPanelView of=PanelFor::Member(member_id) /> }.into_any()
            } else {
                view! { <p><button type="button" on:click=move |_| show_parent.set(true)>{i18n.t(msg::PARENT_PANEL_TITLE)}</button></p> }.into_any()
            })}
            {r.mail_failing.clone().map(|(at, reason)| view! {
                <p class="notice warn" role="status">
                    {i18n.t(msg::MAIL_FAILING_STAFF)} " (" {when(at)} ") " <span class="muted">{reason}</span>
                </p>
            })}

            <section class="card" aria-labelledby="member-inquiries">
                <h2 id="member-inquiries">{i18n.t(msg::MEMBER_INQUIRIES)} " (" {r.inquiries.len()} ")"</h2>
                {empty(r.inquiries.is_empty())}
                <ul class="hits">
                    {r.inquiries.into_iter().map(|s| {
                        let category = StoredValue::new(s.category.clone());
                        view! {
                            <li>
                                <a href=format!("/admin/inquiries/{}", s.id)>{s.reference.clone()}</a> " "
                                <StatusBadge status=s.status /> " "
                                {move || category.with_value(|c| c.get(i18n.get()).to_owned())} " · "
                                <span class="muted">{when(s.received_at)}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>

            <section class="card" aria-labelledby="member-chats">
                <h2 id="member-chats">{i18n.t(msg::MEMBER_CHATS)} " (" {r.chats.len()} ")"</h2>
                {empty(r.chats.is_empty())}
                <ul class="hits">
                    {r.chats.into_iter().map(|c| {
                        let label = topic(&c.topic).map(|t| t.label);
                        let raw = c.topic.clone();
                        view! {
                            <li>
                                <a href=format!("/admin/chat/transcript/{}", c.id)>{when(c.started_at)}</a> " · "
                                {move || label.map(|l| l.get(i18n.get()).to_owned()).unwrap_or_else(|| raw.clone())} " · "
                                {c.staff_name.unwrap_or_else(|| "—".into())} " · "
                                {c.messages} {i18n.t(msg::MEMBER_CHAT_MESSAGES)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>

            <section class="card" aria-labelledby="member-surveys">
                <h2 id="member-surveys">{i18n.t(msg::MEMBER_SURVEYS)} " (" {r.surveys.len()} ")"</h2>
                {empty(r.surveys.is_empty())}
                <ul class="hits">
                    {r.surveys.into_iter().map(|s| {
                        let (href, name) = match s.about {
                            SurveyAbout::Chat(id) => (format!("/admin/chat/transcript/{id}"), msg::MEMBER_CHATS.get(i18n.get_untracked()).to_owned()),
                            SurveyAbout::Inquiry { id, reference } => (format!("/admin/inquiries/{id}"), reference),
                        };
                        view! {
                            <li>
                                <a href=href>{name}</a> " · " {"★".repeat(s.score.clamp(0, 5) as usize)} " · "
                                {if s.resolved { i18n.t(msg::MEMBER_RESOLVED) } else { i18n.t(msg::MEMBER_UNRESOLVED) }} " · "
                                <span class="muted">{when(s.at)}</span>
                                {s.comment.map(|c| view! { <p class="snippet">{c}</p> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>

            <section class="card" aria-labelledby="member-ideas">
                <h2 id="member-ideas">{i18n.t(msg::MEMBER_IDEAS)} " (" {r.ideas.len()} ")"</h2>
                {empty(r.ideas.is_empty())}
                <ul class="hits">
                    {r.ideas.into_iter().map(|idea| view! {
                        <li>
                            <a href=format!("/ideas/{}", idea.id)>{idea.title}</a> " · "
                            {move || idea.status.label(i18n.get())} " · " <span class="muted">{when(idea.created_at)}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>

            <section class="card" aria-labelledby="member-events">
                <h2 id="member-events">{i18n.t(msg::MEMBER_EVENTS)}</h2>
                <ul class="hits">
                    {r.events.into_iter().map(|e| view! {
                        <li><span class="muted">{when(e.at)}</span> " " {i18n.t(event_label(e.kind))}</li>
                    }).collect_view()}
                </ul>
            </section>

            {r.withdrawn_at.is_none().then(|| view! { <Withdraw email=r.email.clone() on_done=on_change /> })}
        </section>
    }
}

/// Closing the account on the member's request (by mail or phone): asked once more, naming the
/// address; the server records which staff member did it.
#[component]
fn Withdraw(email: String, on_done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let act = Action::new(|email: &String| withdraw_member(email.clone()));
    Effect::new(move |_| {
        if matches!(act.value().get(), Some(Ok(()))) {
            on_done();
        }
    });
    let email = StoredValue::new(email);
    let click = move |_| {
        let address = email.get_value();
        let question = format!("{}\n{address}", msg::STAFF_WITHDRAW_CONFIRM.get(i18n.get()));
        if window().confirm_with_message(&question).unwrap_or(false) {
            act.dispatch(address);
        }
    };
    view! {
        <section class="card" aria-labelledby="staff-withdraw-title">
            <h2 id="staff-withdraw-title">{i18n.t(msg::STAFF_WITHDRAW_TITLE)}</h2>
            <p class="muted">{i18n.t(msg::STAFF_WITHDRAW_HELP)}</p>
            {move || act.value().get().and_then(Result::err).map(|e| view! { <p role="alert">{move || e.message(i18n.get())}</p> })}
            <button type="button" class="danger" disabled=move || act.pending().get() on:click=click>
                {i18n.t(msg::WITHDRAW_BUTTON_STAFF)}
            </button>
        </section>
    }
}
