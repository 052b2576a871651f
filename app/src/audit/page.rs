//! `/admin/audit` (supervisors): the log, newest first, filtered by staff member, action and
//! period, with the same filter as CSV.
use super::api::audit_log;
use super::{AuditAction, AuditEntry, AuditFilter};
use crate::admin::SupervisorGate;
use crate::calendar::format_datetime;
use crate::i18n::{msg, use_i18n};
use chrono::NaiveDate;
use leptos::prelude::*;

#[component]
pub fn AuditPage() -> impl IntoView {
    view! { <SupervisorGate title=msg::AUDIT_TITLE><AuditLog /></SupervisorGate> }
}

fn csv_href(f: &AuditFilter) -> String {
    let mut query = Vec::new();
    if let Some(a) = f.actor_id {
        query.push(format!("actor_id={a}"));
    }
    if let Some(a) = f.action {
        query.push(format!("action={}", a.as_str()));
    }
    if let Some(d) = f.from {
        query.push(format!("from={d}"));
    }
    if let Some(d) = f.to {
        query.push(format!("to={d}"));
    }
    format!("/api/admin/audit.csv?{}", query.join("&"))
}

#[component]
fn AuditLog() -> impl IntoView {
    let i18n = use_i18n();
    // The filter being edited, and the one shown (applied with the button).
    let draft = RwSignal::new(AuditFilter::default());
    let shown = RwSignal::new(AuditFilter::default());
    let page = LocalResource::new(move || audit_log(shown.get()));
    let parse_day = |v: String| NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok();
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        shown.set(AuditFilter { before_id: None, ..draft.get_untracked() });
    };
    let row = move |e: AuditEntry| {
        let at = e.at;
        view! {
            <tr>
                <td>{move || format_datetime(&at, i18n.get())}</td>
                <td>{e.actor}</td>
                <td>{move || e.action.label(i18n.get())}</td>
                <td>{e.target}</td>
                <td>{e.client_ip}</td>
            </tr>
        }
    };
    view! {
        <section aria-labelledby="audit-title">
            <h1 id="audit-title">{i18n.t(msg::AUDIT_TITLE)}</h1>
            <p class="muted">{i18n.t(msg::AUDIT_LEAD)}</p>
            <form class="card inline-form" on:submit=apply>
                <div class="field">
                    <label for="audit-actor">{i18n.t(msg::AUDIT_ACTOR)}</label>
                    <select id="audit-actor" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.actor_id = v.parse().ok());
                    }>
                        <option value="">{i18n.t(msg::AUDIT_ANYONE)}</option>
                        {move || page.get().and_then(Result::ok).map(|p| p.staff.into_iter().map(|(id, name)| {
                            view! { <option value=id.to_string() selected=move || draft.with(|d| d.actor_id == Some(id))>{name}</option> }
                        }).collect_view())}
                    </select>
                </div>
                <div class="field">
                    <label for="audit-action">{i18n.t(msg::AUDIT_ACTION)}</label>
                    <select id="audit-action" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.action = AuditAction::parse(&v));
                    }>
                        <option value="">{i18n.t(msg::AUDIT_ANY_ACTION)}</option>
                        {AuditAction::ALL.into_iter().map(|a| view! {
                            <option value=a.as_str()>{move || a.label(i18n.get())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="audit-from">{i18n.t(msg::PERIOD_FROM)}</label>
                    <input id="audit-from" type="date" on:change=move |ev| {
                        let v = parse_day(event_target_value(&ev));
                        draft.update(|d| d.from = v);
                    } />
                </div>
                <div class="field">
                    <label for="audit-to">{i18n.t(msg::PERIOD_TO)}</label>
                    <input id="audit-to" type="date" on:change=move |ev| {
                        let v = parse_day(event_target_value(&ev));
                        draft.update(|d| d.to = v);
                    } />
                </div>
                <button type="submit" class="primary">{i18n.t(msg::AUDIT_SHOW)}</button>
                <a class="button-link" href=move || csv_href(&shown.get())>{i18n.t(msg::AUDIT_CSV)}</a>
            </form>
            {move || match page.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(p)) if p.entries.is_empty() => view! { <p class="muted">{i18n.t(msg::NONE_YET)}</p> }.into_any(),
                Some(Ok(p)) => {
                    let oldest = p.entries.last().map(|e| e.id);
                    let more = p.more;
                    view! {
                        <div class="card team-table">
                            <table class="team audit">
                                <thead><tr>
                                    <th scope="col">{i18n.t(msg::AUDIT_AT)}</th>
                                    <th scope="col">{i18n.t(msg::AUDIT_ACTOR)}</th>
                                    <th scope="col">{i18n.t(msg::AUDIT_ACTION)}</th>
                                    <th scope="col">{i18n.t(msg::AUDIT_TARGET)}</th>
                                    <th scope="col">{i18n.t(msg::AUDIT_ADDRESS)}</th>
                                </tr></thead>
                                <tbody>{p.entries.into_iter().map(row).collect_view()}</tbody>
                            </table>
                        </div>
                        {more.then(|| view! {
                            <button type="button" on:click=move |_| shown.update(|f| f.before_id = oldest)>{i18n.t(msg::AUDIT_OLDER)}</button>
                        })}
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
