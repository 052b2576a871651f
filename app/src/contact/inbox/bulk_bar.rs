//! Under the inbox and the search results: what to do with the selected inquiries, and the
//! report of what was done and what was not (and why). What was typed stays until it was sent.
use crate::contact::bulk::api::{bulk_action, list_staff_members};
use crate::contact::bulk::{BulkAction, BulkInput, BulkItem, BulkReport, Priority, SkipReason};
use crate::contact::inbox_api::canned_replies;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::FormProblem;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Assign,
    Priority,
    Tag,
    Close,
    Answer,
}

#[component]
pub fn BulkBar(selected: RwSignal<Vec<BulkItem>>, on_done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(Kind::Answer);
    let staff_id = RwSignal::new(String::new());
    let priority = RwSignal::new(Priority::High);
    let tag_id = RwSignal::new(String::new());
    let tag_on = RwSignal::new(true);
    let tags = super::tag_admin::tag_list();
    let body = RwSignal::new(String::new());
    let close = RwSignal::new(false);
    let problem = RwSignal::new(None::<AppError>);
    let report = RwSignal::new(None::<BulkReport>);
    let staff = LocalResource::new(list_staff_members);
    let canned = LocalResource::new(canned_replies);
    let act = Action::new(|input: &BulkInput| bulk_action(input.clone()));
    Effect::new(move |_| match act.value().get() {
        Some(Ok(r)) => {
            problem.set(None);
            if matches!(kind.get_untracked(), Kind::Answer) {
                body.set(String::new());
            }
            report.set(Some(r));
            selected.set(Vec::new());
            on_done();
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let action = match kind.get_untracked() {
            Kind::Assign => BulkAction::Assign { staff_id: staff_id.get_untracked().parse().unwrap_or(0) },
            Kind::Priority => BulkAction::Priority(priority.get_untracked()),
            Kind::Tag => {
                BulkAction::Tag { tag_id: tag_id.get_untracked().parse().unwrap_or(0), on: tag_on.get_untracked() }
            }
            Kind::Close => BulkAction::Close,
            Kind::Answer => BulkAction::Answer { body: body.get_untracked(), close: close.get_untracked() },
        };
        let input = BulkInput { items: selected.get_untracked(), action, client_key: crate::contact::random_key() };
        match input.validate() {
            Ok(()) => {
                act.dispatch(input);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let body_error = Signal::derive(move || problem.get().and_then(|p| p.field_message("body", i18n.get())));
    view! {
        <form class="card bulk-bar" on:submit=submit novalidate aria-labelledby="bulk-title">
            <h2 id="bulk-title">{i18n.t(msg::BULK_TITLE)} " (" {move || selected.with(Vec::len)} {i18n.t(msg::BULK_SELECTED)} ")"</h2>
            <FormProblem problem=problem.into() />
            <div class="field">
                <label for="bulk-kind">{i18n.t(msg::BULK_ACTION)}</label>
                <select id="bulk-kind" on:change=move |ev| kind.set(match event_target_value(&ev).as_str() {
                    "assign" => Kind::Assign,
                    "priority" => Kind::Priority,
                    "tag" => Kind::Tag,
                    "close" => Kind::Close,
                    _ => Kind::Answer,
                })>
                    <option value="answer">{i18n.t(msg::BULK_ANSWER)}</option>
                    <option value="assign">{i18n.t(msg::BULK_ASSIGN)}</option>
                    <option value="priority">{i18n.t(msg::BULK_PRIORITY)}</option>
                    <option value="tag">{i18n.t(msg::BULK_TAG)}</option>
                    <option value="close">{i18n.t(msg::BULK_CLOSE)}</option>
                </select>
            </div>
            {move || match kind.get() {
                Kind::Assign => view! {
                    <div class="field">
                        <label for="bulk-staff">{i18n.t(msg::BULK_ASSIGN)}</label>
                        <select id="bulk-staff" on:change=move |ev| staff_id.set(event_target_value(&ev))>
                            <option value="">"—"</option>
                            {move || staff.get().and_then(Result::ok).unwrap_or_default().into_iter()
                                .map(|s| view! { <option value=s.id.to_string()>{s.name}</option> }).collect_view()}
                        </select>
                    </div>
                }.into_any(),
                Kind::Priority => view! {
                    <div class="field">
                        <label for="bulk-priority">{i18n.t(msg::PRIORITY)}</label>
                        <select id="bulk-priority" on:change=move |ev| priority.set(Priority::parse(&event_target_value(&ev)).unwrap_or_default())>
                            {Priority::ALL.into_iter().map(|p| view! {
                                <option value=p.as_str() selected=move || priority.get() == p>{move || p.label(i18n.get())}</option>
                            }).collect_view()}
                        </select>
                    </div>
                }.into_any(),
                Kind::Tag => view! {
                    <div class="field">
                        <label for="bulk-tag">{i18n.t(msg::TAGS)}</label>
                        <select id="bulk-tag" on:change=move |ev| tag_id.set(event_target_value(&ev))>
                            <option value="">"—"</option>
                            {move || tags.get().and_then(Result::ok).unwrap_or_default().into_iter()
                                .map(|t| view! { <option value=t.id.to_string()>{t.name}</option> }).collect_view()}
                        </select>
                    </div>
                    <label class="choice">
                        <input type="checkbox" prop:checked=move || !tag_on.get() on:change=move |ev| tag_on.set(!event_target_checked(&ev)) />
                        <span>{i18n.t(msg::BULK_TAG_OFF)}</span>
                    </label>
                }.into_any(),
                Kind::Close => ().into_any(),
                Kind::Answer => view! {
                    <div class="field">
                        <label for="bulk-canned">{i18n.t(msg::BULK_CANNED)}</label>
                        <select id="bulk-canned" on:change=move |ev| {
                            let id: i64 = event_target_value(&ev).parse().unwrap_or(0);
                            if let Some(c) = canned.get().and_then(Result::ok).unwrap_or_default().into_iter().find(|c| c.id == id) {
                                body.set(c.body);
                            }
                        }>
                            <option value="">"—"</option>
                            {move || canned.get().and_then(Result::ok).unwrap_or_default().into_iter()
                                .map(|c| view! { <option value=c.id.to_string()>{c.title}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="bulk-body">{i18n.t(msg::BULK_ANSWER)}</label>
                        <textarea id="bulk-body" rows="6" maxlength="4000" prop:value=body aria-describedby="bulk-body-help"
                            on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                        <p id="bulk-body-help" class="muted">{i18n.t(msg::BULK_ANSWER_HELP)}</p>
                        {move || body_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                    </div>
                    <label class="choice">
                        <input type="checkbox" prop:checked=close on:change=move |ev| close.set(event_target_checked(&ev)) />
                        <span>{i18n.t(msg::BULK_ANSWER_CLOSE)}</span>
                    </label>
                }.into_any(),
            }}
            <button type="submit" class="primary" disabled=move || act.pending().get() || selected.with(Vec::is_empty)>
                {i18n.t(msg::BULK_APPLY)}
            </button>
            {move || report.get().map(|r| view! {
                <div role="status" class="bulk-report">
                    <p>{r.done.len()} {i18n.t(msg::BULK_DONE)}</p>
                    {(!r.skipped.is_empty()).then(|| view! {
                        <p>{i18n.t(msg::BULK_SKIPPED)}</p>
                        <ul>
                            {r.skipped.into_iter().map(|s| {
                                let why = match s.reason {
                                    SkipReason::MovedOn => msg::BULK_MOVED_ON,
                                    SkipReason::Closed => msg::BULK_CLOSED,
                                    SkipReason::NotFound => msg::BULK_NOT_FOUND,
                                };
                                view! { <li><a href=format!("/admin/inquiries/{}", s.inquiry_id)>{s.reference}</a> ": " {i18n.t(why)}</li> }
                            }).collect_view()}
                        </ul>
                    })}
                </div>
            })}
        </form>
    }
}
