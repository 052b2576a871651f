//! Beside an inquiry on the desk: its tags, its priority, and merging another inquiry of the same
//! member into it (or, once merged away, where it went).
use crate::contact::bulk::api::bulk_action;
use crate::contact::bulk::{BulkAction, BulkInput, BulkItem, Priority};
use crate::contact::inbox_api::merge_inquiries;
use crate::contact::tags::api::{list_tags, tag_inquiry};
use crate::contact::StaffInquiry;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::incidents::api::{incidents_for_inquiry, link_inquiries};
use leptos::prelude::*;
use leptos_router::components::A;

type StaffResult = Result<StaffInquiry, AppError>;

#[component]
pub fn InquiryTools(
    inquiry: StaffInquiry,
    problem: RwSignal<Option<AppError>>,
    on_update: impl Fn(StaffResult) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = inquiry.detail.summary.id;
    let all_tags = LocalResource::new(list_tags);
    let on_it = StoredValue::new(inquiry.tags.clone());
    let tag = Action::new(move |(tag_id, on): &(i64, bool)| tag_inquiry(id, *tag_id, *on));
    let merge = Action::new(move |other: &i64| merge_inquiries(id, *other));
    for done in [tag.value(), merge.value()] {
        // The inquiry as it now stands, or the problem above the workspace (what is on screen stays).
        Effect::new(move |_| match done.get() {
            Some(Ok(updated)) => {
                problem.set(None);
                on_update(Ok(updated));
            }
            Some(Err(e)) => problem.set(Some(e)),
            None => {}
        });
    }
    let priority = RwSignal::new(inquiry.priority);
    let set_priority = Action::new(move |p: &Priority| {
        let input = BulkInput {
            items: vec![BulkItem { inquiry_id: id, seen_message_id: 0 }],
            action: BulkAction::Priority(*p),
            client_key: crate::contact::random_key(),
        };
        bulk_action(input)
    });
    Effect::new(move |_| match set_priority.value().get() {
        Some(Ok(_)) => problem.set(None),
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    // The member's other inquiries (one merged away already is refused, with the reason).
    let others: Vec<(i64, String)> = inquiry.member_history.iter().map(|s| (s.id, s.reference.clone())).collect();
    let merge_choice = RwSignal::new(String::new());
    // Open incidents this inquiry matches by shop and day of use, offered for linking.
    let matching = LocalResource::new(move || incidents_for_inquiry(id));
    let link = Action::new(move |incident: &i64| link_inquiries(*incident, vec![id], true));
    Effect::new(move |_| match link.value().get() {
        Some(Ok(_)) => matching.refetch(),
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    view! {
        <div class="card inquiry-tools">
            {inquiry.merged_into.clone().map(|(to, reference)| view! {
                <p class="notice" role="status">
                    {i18n.t(msg::MERGED_INTO)} " " <A href=format!("/admin/inquiries/{to}")>{reference}</A>
                </p>
            })}
            {move || matching.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|(incident, title)| view! {
                <p class="notice" role="status">
                    {i18n.t(msg::INCIDENT_MATCH)} " " <a href=format!("/admin/incidents/{incident}")>{title}</a> " "
                    <button type="button" on:click=move |_| { link.dispatch(incident); }>{i18n.t(msg::INCIDENT_LINK)}</button>
                </p>
            }).collect_view()}
            <div class="actions">
                <strong>{i18n.t(msg::TAGS)} ": "</strong>
                <ul class="tag-list" aria-label=move || msg::TAGS.get(i18n.get())>
                    {inquiry.tags.iter().map(|t| {
                        let tag_id = t.id;
                        let name = t.name.clone();
                        view! {
                            <li class="tag">
                                {t.name.clone()} " "
                                <button type="button" class="link" aria-label=move || format!("{} {name}", msg::TAG_REMOVE.get(i18n.get()))
                                    on:click=move |_| { tag.dispatch((tag_id, false)); }>"×"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <label for="tag-add" class="sr-only">{i18n.t(msg::TAG_ADD)}</label>
                <select id="tag-add" on:change=move |ev| {
                    if let Ok(tag_id) = event_target_value(&ev).parse::<i64>() {
                        tag.dispatch((tag_id, true));
                    }
                }>
                    <option value="">{i18n.t(msg::TAG_ADD)}</option>
                    {move || all_tags.get().and_then(Result::ok).unwrap_or_default().into_iter()
                        .filter(|t| on_it.with_value(|on| !on.iter().any(|o| o.id == t.id)))
                        .map(|t| view! { <option value=t.id.to_string()>{t.name}</option> }).collect_view()}
                </select>
                <label for="priority-select">{i18n.t(msg::PRIORITY)}</label>
                <select id="priority-select" on:change=move |ev| {
                    if let Some(p) = Priority::parse(&event_target_value(&ev)) {
                        priority.set(p);
                        set_priority.dispatch(p);
                    }
                }>
                    {Priority::ALL.into_iter().map(|p| view! {
                        <option value=p.as_str() selected=move || priority.get() == p>{move || p.label(i18n.get())}</option>
                    }).collect_view()}
                </select>
            </div>
            {(!others.is_empty() && inquiry.merged_into.is_none()).then(|| view! {
                <details>
                    <summary>{i18n.t(msg::MERGE_TITLE)}</summary>
                    <p class="muted">{i18n.t(msg::MERGE_HELP)}</p>
                    <div class="actions">
                        <label for="merge-other" class="sr-only">{i18n.t(msg::MERGE_TITLE)}</label>
                        <select id="merge-other" on:change=move |ev| merge_choice.set(event_target_value(&ev))>
                            <option value="">"—"</option>
                            {others.into_iter().map(|(other, reference)| view! { <option value=other.to_string()>{reference}</option> }).collect_view()}
                        </select>
                        <button type="button" disabled=move || merge_choice.with(String::is_empty) || merge.pending().get() on:click=move |_| {
                            let asked = window().confirm_with_message(msg::MERGE_CONFIRM.get(i18n.get())).unwrap_or(false);
                            if let (true, Ok(other)) = (asked, merge_choice.get_untracked().parse::<i64>()) {
                                merge.dispatch(other);
                            }
                        }>{i18n.t(msg::MERGE_BUTTON)}</button>
                    </div>
                </details>
            })}
        </div>
    }
}
