//! `/admin/search?q=…`: what the staff search found — inquiries, chats and members, each linking
//! to its page, with the words marked in a snippet. Member-written text is shown as text.
use super::api::search;
use super::{ChatHit, InquiryHit, Marked, MemberHit};
use crate::admin::StaffGate;
use crate::calendar::format_datetime;
use crate::contact::bulk::BulkItem;
use crate::contact::inbox::BulkBar;
use crate::contact::StatusBadge;
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn SearchPage() -> impl IntoView {
    view! { <StaffGate><Search /></StaffGate> }
}

/// A snippet with the matched words in `<mark>`.
pub fn marked(pieces: Marked) -> impl IntoView {
    pieces
        .into_iter()
        .map(|(text, hit)| if hit { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() })
        .collect_view()
}

#[component]
fn Search() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let asked = Memo::new(move |_| query.with(|q| q.get("q")).unwrap_or_default());
    // What is typed stays typed, whatever the answer.
    let typed = RwSignal::new(asked.get_untracked());
    let found = LocalResource::new(move || {
        let q = asked.get();
        async move {
            if q.trim().is_empty() {
                None
            } else {
                Some(search(q).await)
            }
        }
    });
    // The inquiries ticked for a bulk action, with the newest message seen in each.
    let selected = RwSignal::new(Vec::<BulkItem>::new());
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = typed.get_untracked();
        let encoded = String::from(js_sys::encode_uri_component(&q));
        navigate(&format!("/admin/search?q={encoded}"), Default::default());
    };
    view! {
        <section aria-labelledby="search-title">
            <h1 id="search-title">{i18n.t(msg::SEARCH_TITLE)}</h1>
            <form role="search" class="search-form" on:submit=submit>
                <label for="search-q">{i18n.t(msg::SEARCH_LABEL)}</label>
                <input id="search-q" type="search" maxlength="200" prop:value=typed
                    on:input=move |ev| typed.set(event_target_value(&ev)) />
                <button type="submit" class="primary">{i18n.t(msg::SEARCH_BUTTON)}</button>
                <p class="muted">{i18n.t(msg::SEARCH_HELP)}</p>
            </form>
            {move || match found.get() {
                None => view! { <p class="muted" role="status">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(None) => ().into_any(),
                Some(Some(Err(e))) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Some(Ok(r))) if r.inquiries.is_empty() && r.chats.is_empty() && r.members.is_empty() => {
                    view! { <p role="status">{i18n.t(msg::SEARCH_NONE)}</p> }.into_any()
                }
                Some(Some(Ok(r))) => view! {
                    {r.more.then(|| view! { <p class="notice" role="status">{i18n.t(msg::SEARCH_MORE)}</p> })}
                    {(!r.inquiries.is_empty()).then(|| {
                        let all: Vec<BulkItem> = r.inquiries.iter()
                            .map(|h| BulkItem { inquiry_id: h.summary.id, seen_message_id: h.last_message_id })
                            .collect();
                        let every = StoredValue::new(all);
                        view! {
                            <label class="choice select-all">
                                <input type="checkbox"
                                    prop:checked=move || every.with_value(|a| selected.with(|s| s.len() == a.len()))
                                    on:change=move |ev| selected.set(if event_target_checked(&ev) { every.get_value() } else { Vec::new() }) />
                                <span>{i18n.t(msg::BULK_SELECT_ALL)}</span>
                            </label>
                        }
                    })}
                    <Group title=msg::SEARCH_INQUIRIES count=r.inquiries.len()>
                        {r.inquiries.into_iter().map(|h| inquiry_hit(h, selected)).collect_view()}
                    </Group>
                    <Group title=msg::SEARCH_MEMBERS count=r.members.len()>
                        {r.members.into_iter().map(member_hit).collect_view()}
                    </Group>
                    <Group title=msg::SEARCH_CHATS count=r.chats.len()>
                        {r.chats.into_iter().map(chat_hit).collect_view()}
                    </Group>
                }.into_any(),
            }}
            // Kept mounted across the refetch after an action, so its report stays on screen.
            <div hidden=move || !found.with(|f| matches!(f, Some(Some(Ok(r))) if !r.inquiries.is_empty()))>
                <BulkBar selected on_done=move || found.refetch() />
            </div>
        </section>
    }
}

#[component]
fn Group(title: crate::i18n::Text, count: usize, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    (count > 0).then(|| {
        view! {
            <section class="card search-group">
                <h2>{i18n.t(title)} " (" {count} ")"</h2>
                <ul class="hits">{children()}</ul>
            </section>
        }
    })
}

fn inquiry_hit(hit: InquiryHit, selected: RwSignal<Vec<BulkItem>>) -> impl IntoView {
    let i18n = use_i18n();
    let category = StoredValue::new(hit.summary.category.clone());
    let received = hit.summary.received_at;
    let item = BulkItem { inquiry_id: hit.summary.id, seen_message_id: hit.last_message_id };
    let ticked = move || selected.with(|s| s.iter().any(|i| i.inquiry_id == item.inquiry_id));
    let priority = hit.priority;
    view! {
        <li>
            <input type="checkbox" aria-label=format!("{} {}", msg::BULK_SELECTED_ONE.get(i18n.get_untracked()), hit.summary.reference)
                prop:checked=ticked
                on:change=move |ev| selected.update(|s| {
                    s.retain(|i| i.inquiry_id != item.inquiry_id);
                    if event_target_checked(&ev) {
                        s.push(item);
                    }
                }) /> " "
            <a href=format!("/admin/inquiries/{}", hit.summary.id)>{hit.summary.reference.clone()}</a> " "
            {(priority != crate::contact::bulk::Priority::Normal).then(|| view! {
                <span class=format!("badge priority-{}", priority.as_str())>{move || priority.label(i18n.get())}</span> " "
            })}
            <StatusBadge status=hit.summary.status /> " "
            <span>{move || category.with_value(|c| c.get(i18n.get()).to_owned())}</span> " · "
            <a href=format!("/admin/members/{}", hit.member_id)>{hit.member_name}</a> " · "
            <span class="muted">{move || format_datetime(&received, i18n.get())}</span>
            <p class="snippet">{marked(hit.snippet)}</p>
        </li>
    }
}

fn member_hit(hit: MemberHit) -> impl IntoView {
    view! {
        <li>
            <a href=format!("/admin/members/{}", hit.id)>{hit.display_name}</a> " "
            <span class="muted">{hit.email}</span>
            {hit.sso_subject.map(|s| view! { " " <span class="badge">{s}</span> })}
        </li>
    }
}

fn chat_hit(hit: ChatHit) -> impl IntoView {
    let i18n = use_i18n();
    let started = hit.started_at;
    view! {
        <li>
            <a href=format!("/admin/chat/transcript/{}", hit.id)>{move || format_datetime(&started, i18n.get())}</a> " · "
            <a href=format!("/admin/members/{}", hit.member_id)>{hit.member_name}</a>
            <p class="snippet">{marked(hit.snippet)}</p>
        </li>
    }
}
