use crate::admin::StaffGate;
use crate::calendar::format_datetime;
use crate::contact::api::get_contact_form;
use crate::contact::history::StatusBadge;
use crate::contact::inbox_api::inbox;
use crate::contact::{AssigneeFilter, InboxFilter, Status};
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn InboxPage() -> impl IntoView {
    view! { <StaffGate><Inbox /></StaffGate> }
}

#[component]
fn Inbox() -> impl IntoView {
    let i18n = use_i18n();
    let filter = RwSignal::new(InboxFilter::default());
    // One page at a time (100 rows); `after` says which.
    let rows = LocalResource::new(move || inbox(filter.get()));
    let form = LocalResource::new(get_contact_form);
    let categories = move || form.get().and_then(Result::ok).map(|f| f.categories).unwrap_or_default();
    view! {
        <section aria-labelledby="inbox-title">
            <p><A href="/admin">"← " {i18n.t(msg::ADMIN_TITLE)}</A></p>
            <h1 id="inbox-title">{i18n.t(msg::INBOX_TITLE)}</h1>
            <form class="filters card" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="filter-status">{i18n.t(msg::FILTER_STATUS)}</label>
                    <select id="filter-status" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| *f = InboxFilter { status: Status::parse(&v), after: None, ..f.clone() });
                    }>
                        <option value="">{i18n.t(msg::FILTER_ANY)}</option>
                        {Status::ALL.into_iter().map(|s| view! { <option value=s.as_str()>{move || s.label(i18n.get())}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-category">{i18n.t(msg::FILTER_CATEGORY)}</label>
                    <select id="filter-category" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| *f = InboxFilter { category_id: (!v.is_empty()).then_some(v), after: None, ..f.clone() });
                    }>
                        <option value="">{i18n.t(msg::FILTER_ANY)}</option>
                        {move || categories().into_iter().map(|c| view! { <option value=c.id.clone()>{c.name.get(i18n.get()).to_owned()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-assignee">{i18n.t(msg::FILTER_ASSIGNEE)}</label>
                    <select id="filter-assignee" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let assignee = match v.as_str() { "me" => AssigneeFilter::Me, "none" => AssigneeFilter::Unassigned, _ => AssigneeFilter::Anyone };
                        filter.update(|f| *f = InboxFilter { assignee, after: None, ..f.clone() });
                    }>
                        <option value="">{i18n.t(msg::FILTER_ANY)}</option>
                        <option value="me">{i18n.t(msg::FILTER_ME)}</option>
                        <option value="none">{i18n.t(msg::FILTER_UNASSIGNED)}</option>
                    </select>
                </div>
                <label class="choice">
                    <input type="checkbox" on:change=move |ev| filter.update(|f| *f = InboxFilter { overdue_only: event_target_checked(&ev), after: None, ..f.clone() }) />
                    <span>{i18n.t(msg::FILTER_OVERDUE)}</span>
                </label>
            </form>
            {move || match rows.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(page)) if page.rows.is_empty() => view! { <p>{i18n.t(msg::INBOX_EMPTY)}</p> }.into_any(),
                Some(Ok(page)) => view! {
                    <div class="table-wrap">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.t(msg::DONE_REFERENCE)}</th>
                                    <th scope="col">{i18n.t(msg::CATEGORY)}</th>
                                    <th scope="col">{i18n.t(msg::MEMBER)}</th>
                                    <th scope="col">{i18n.t(msg::STATUS)}</th>
                                    <th scope="col">{i18n.t(msg::ASSIGNEE)}</th>
                                    <th scope="col">{i18n.t(msg::DUE_AT)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {page.rows.into_iter().map(|r| {
                                    let name = StoredValue::new(r.summary.category.clone());
                                    let due = r.summary.due_at;
                                    view! {
                                        <tr class:overdue=r.overdue>
                                            <td><A href=format!("/admin/inquiries/{}", r.summary.id)>{r.summary.reference.clone()}</A></td>
                                            <td>{move || name.with_value(|n| n.get(i18n.get()).to_owned())}</td>
                                            <td>{r.member_name}</td>
                                            <td><StatusBadge status=r.summary.status /></td>
                                            <td>{r.assignee_name.unwrap_or_else(|| msg::UNASSIGNED.get(i18n.get_untracked()).to_owned())}</td>
                                            <td>
                                                {move || format_datetime(&due, i18n.get())}
                                                {r.overdue.then(|| view! { " " <span class="badge overdue">{i18n.t(msg::OVERDUE)}</span> })}
                                                {r.due_in_minutes.map(|m| view! {
                                                    " " <span class="muted countdown">{i18n.t(msg::DUE_IN)} " " {m / 60} ":" {format!("{:02}", m % 60)}</span>
                                                })}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    // Keyset paging, a page at a time: the next page starts after this one's last row.
                    <p class="pager">
                        {move || filter.with(|f| f.after.is_some()).then(|| view! {
                            <button type="button" on:click=move |_| filter.update(|f| f.after = None)>{i18n.t(msg::INBOX_FIRST)}</button>
                        })}
                        {page.next.map(|next| view! {
                            <button type="button" on:click=move |_| filter.update(|f| f.after = Some(next))>{i18n.t(msg::INBOX_MORE)}</button>
                        })}
                    </p>
                }.into_any(),
            }}
        </section>
    }
}
