use super::bulk_bar::BulkBar;
use super::filters::InboxFilters;
use super::tag_admin::{TagAdmin, TagsChanged};
use super::views::SavedViews;
use crate::admin::StaffGate;
use crate::auth::use_session;
use crate::calendar::format_datetime;
use crate::contact::bulk::{BulkItem, Priority};
use crate::contact::history::StatusBadge;
use crate::contact::inbox_api::inbox;
use crate::contact::InboxFilter;
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
    let session = use_session();
    let filter = RwSignal::new(InboxFilter::default());
    provide_context(TagsChanged(RwSignal::new(0)));
    // One page at a time (100 rows); `after` says which.
    let rows = LocalResource::new(move || inbox(filter.get()));
    // The selection for the bulk bar: emptied whenever the list shows something else.
    let selected = RwSignal::new(Vec::<BulkItem>::new());
    Effect::new(move |_| {
        filter.track();
        selected.set(Vec::new());
    });
    let toggle = move |item: BulkItem, on: bool| {
        selected.update(|s| {
            s.retain(|x| x.inquiry_id != item.inquiry_id);
            if on {
                s.push(item);
            }
        })
    };
    view! {
        <section aria-labelledby="inbox-title">
            <p><A href="/admin">"← " {i18n.t(msg::ADMIN_TITLE)}</A></p>
            <h1 id="inbox-title">{i18n.t(msg::INBOX_TITLE)}</h1>
            <p><a href="/admin/incidents">{i18n.t(msg::INCIDENTS_TITLE)}</a></p>
            <SavedViews filter />
            <InboxFilters filter />
            {move || match rows.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(page)) if page.rows.is_empty() => view! { <p>{i18n.t(msg::INBOX_EMPTY)}</p> }.into_any(),
                Some(Ok(page)) => {
                    let every = StoredValue::new(page.rows.iter()
                        .map(|r| BulkItem { inquiry_id: r.summary.id, seen_message_id: r.last_message_id })
                        .collect::<Vec<_>>());
                    view! {
                    <div class="table-wrap">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">
                                        <input type="checkbox" aria-label=move || msg::BULK_SELECT_ALL.get(i18n.get())
                                            prop:checked=move || every.with_value(|a| selected.with(|s| s.len() == a.len()))
                                            on:change=move |ev| selected.set(if event_target_checked(&ev) { every.get_value() } else { Vec::new() }) />
                                    </th>
                                    <th scope="col">{i18n.t(msg::DONE_REFERENCE)}</th>
                                    <th scope="col">{i18n.t(msg::CATEGORY)}</th>
                                    <th scope="col">{i18n.t(msg::MEMBER)}</th>
                                    <th scope="col">{i18n.t(msg::STATUS)}</th>
                                    <th scope="col">{i18n.t(msg::PRIORITY)}</th>
                                    <th scope="col">{i18n.t(msg::ASSIGNEE)}</th>
                                    <th scope="col">{i18n.t(msg::DUE_AT)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {page.rows.into_iter().map(|r| {
                                    let name = StoredValue::new(r.summary.category.clone());
                                    let due = r.summary.due_at;
                                    let item = BulkItem { inquiry_id: r.summary.id, seen_message_id: r.last_message_id };
                                    let reference = r.summary.reference.clone();
                                    let priority = r.priority;
                                    view! {
                                        <tr class:overdue=r.overdue>
                                            <td>
                                                <input type="checkbox" aria-label=move || format!("{} {reference}", msg::SELECT_ROW.get(i18n.get()))
                                                    prop:checked=move || selected.with(|s| s.iter().any(|x| x.inquiry_id == item.inquiry_id))
                                                    on:change=move |ev| toggle(item, event_target_checked(&ev)) />
                                            </td>
                                            <td>
                                                <A href=format!("/admin/inquiries/{}", r.summary.id)>{r.summary.reference.clone()}</A>
                                                {r.tags.into_iter().map(|t| view! { " " <span class="tag">{t.name}</span> }).collect_view()}
                                            </td>
                                            <td>{move || name.with_value(|n| n.get(i18n.get()).to_owned())}</td>
                                            <td>{r.member_name}</td>
                                            <td><StatusBadge status=r.summary.status /></td>
                                            <td class:urgent=priority == Priority::Urgent>{move || priority.label(i18n.get())}</td>
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
                }.into_any()
                }
            }}
            // Kept mounted across the refetch after an action, so its report stays on screen.
            <div hidden=move || selected.with(Vec::is_empty) && !rows.with(|r| matches!(r, Some(Ok(p)) if !p.rows.is_empty()))>
                <BulkBar selected on_done=move || rows.refetch() />
            </div>
            {move || session.user().is_some_and(|u| u.is_supervisor()).then(|| view! { <TagAdmin /> })}
        </section>
    }
}
