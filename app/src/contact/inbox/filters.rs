//! The inbox's filter form. Every control shows the filter as it stands (a saved view applied
//! sets them all), and every change starts the list from its first page.
use crate::contact::api::get_contact_form;
use crate::contact::bulk::api::list_staff_members;
use crate::contact::bulk::Priority;
use crate::contact::{AssigneeFilter, InboxFilter, InboxSort, Status};
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;

fn assignee_value(a: AssigneeFilter) -> String {
    match a {
        AssigneeFilter::Anyone => String::new(),
        AssigneeFilter::Me => "me".into(),
        AssigneeFilter::Unassigned => "none".into(),
        AssigneeFilter::Colleague(id) => id.to_string(),
    }
}

fn sort_value(s: InboxSort) -> &'static str {
    match s {
        InboxSort::Due => "due",
        InboxSort::LastActivity => "activity",
        InboxSort::Priority => "priority",
    }
}

#[component]
pub fn InboxFilters(filter: RwSignal<InboxFilter>) -> impl IntoView {
    let i18n = use_i18n();
    let form = LocalResource::new(get_contact_form);
    let staff = LocalResource::new(list_staff_members);
    let tags = super::tag_admin::tag_list();
    // A change to one filter: the rest stay, the list starts again from the top.
    let set = move |change: &dyn Fn(&mut InboxFilter)| {
        filter.update(|f| {
            change(f);
            f.after = None;
        })
    };
    let check = move |id: &'static str,
                      label: crate::i18n::Text,
                      get: fn(&InboxFilter) -> bool,
                      put: fn(&mut InboxFilter, bool)| {
        view! {
            <label class="choice" for=id>
                <input id=id type="checkbox" prop:checked=move || filter.with(get)
                    on:change=move |ev| { let on = event_target_checked(&ev); set(&move |f| put(f, on)) } />
                <span>{i18n.t(label)}</span>
            </label>
        }
    };
    view! {
        <form class="filters card" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="filter-sort">{i18n.t(msg::SORT_BY)}</label>
                <select id="filter-sort" prop:value=move || sort_value(filter.with(|f| f.sort)) on:change=move |ev| {
                    let sort = match event_target_value(&ev).as_str() {
                        "activity" => InboxSort::LastActivity,
                        "priority" => InboxSort::Priority,
                        _ => InboxSort::Due,
                    };
                    set(&move |f| f.sort = sort);
                }>
                    <option value="due">{i18n.t(msg::SORT_DUE)}</option>
                    <option value="activity">{i18n.t(msg::SORT_ACTIVITY)}</option>
                    <option value="priority">{i18n.t(msg::SORT_PRIORITY)}</option>
                </select>
            </div>
            <div class="field">
                <label for="filter-status">{i18n.t(msg::FILTER_STATUS)}</label>
                <select id="filter-status" prop:value=move || filter.with(|f| f.status.map(|s| s.as_str()).unwrap_or("")) on:change=move |ev| {
                    let status = Status::parse(&event_target_value(&ev));
                    set(&move |f| f.status = status);
                }>
                    <option value="">{i18n.t(msg::FILTER_ANY)}</option>
                    {Status::ALL.into_iter().map(|s| view! { <option value=s.as_str()>{move || s.label(i18n.get())}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-category">{i18n.t(msg::FILTER_CATEGORY)}</label>
                <select id="filter-category" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set(&move |f| f.category_id = (!v.is_empty()).then(|| v.clone()));
                }>
                    <option value="">{i18n.t(msg::FILTER_ANY)}</option>
                    {move || form.get().and_then(Result::ok).map(|f| f.categories).unwrap_or_default().into_iter().map(|c| {
                        let id = c.id.clone();
                        view! { <option value=c.id.clone() selected=move || filter.with(|f| f.category_id.as_deref() == Some(id.as_str()))>{c.name.get(i18n.get()).to_owned()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-assignee">{i18n.t(msg::FILTER_ASSIGNEE)}</label>
                <select id="filter-assignee" on:change=move |ev| {
                    let assignee = match event_target_value(&ev).as_str() {
                        "me" => AssigneeFilter::Me,
                        "none" => AssigneeFilter::Unassigned,
                        other => other.parse().map(AssigneeFilter::Colleague).unwrap_or(AssigneeFilter::Anyone),
                    };
                    set(&move |f| f.assignee = assignee);
                }>
                    {move || {
                        let now = filter.with(|f| assignee_value(f.assignee));
                        let mut choices = vec![
                            (String::new(), msg::FILTER_ANY.get(i18n.get()).to_owned()),
                            ("me".to_owned(), msg::FILTER_ME.get(i18n.get()).to_owned()),
                            ("none".to_owned(), msg::FILTER_UNASSIGNED.get(i18n.get()).to_owned()),
                        ];
                        choices.extend(staff.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|s| (s.id.to_string(), s.name)));
                        choices.into_iter().map(|(value, label)| {
                            let selected = value == now;
                            view! { <option value=value selected=selected>{label}</option> }
                        }).collect_view()
                    }}
                </select>
            </div>
            <div class="field">
                <label for="filter-priority">{i18n.t(msg::PRIORITY)}</label>
                <select id="filter-priority" prop:value=move || filter.with(|f| f.priority.map(|p| p.as_str()).unwrap_or("")) on:change=move |ev| {
                    let priority = Priority::parse(&event_target_value(&ev));
                    set(&move |f| f.priority = priority);
                }>
                    <option value="">{i18n.t(msg::FILTER_ANY)}</option>
                    {Priority::ALL.into_iter().map(|p| view! { <option value=p.as_str()>{move || p.label(i18n.get())}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-tag">{i18n.t(msg::TAGS)}</label>
                <select id="filter-tag" on:change=move |ev| {
                    let tag = event_target_value(&ev).parse().ok();
                    set(&move |f| f.tag_id = tag);
                }>
                    <option value="">{i18n.t(msg::FILTER_ANY)}</option>
                    {move || tags.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|t| {
                        let id = t.id;
                        view! { <option value=t.id.to_string() selected=move || filter.with(|f| f.tag_id == Some(id))>{t.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            {check("filter-overdue", msg::FILTER_OVERDUE, |f| f.overdue_only, |f, on| f.overdue_only = on)}
            {check("filter-due-soon", msg::FILTER_DUE_SOON, |f| f.due_soon, |f, on| f.due_soon = on)}
            {check("filter-by-mail", msg::FILTER_BY_MAIL, |f| f.by_mail, |f, on| f.by_mail = on)}
            {check("filter-unmatched", msg::FILTER_UNMATCHED, |f| f.unmatched_mail, |f, on| f.unmatched_mail = on)}
        </form>
    }
}
