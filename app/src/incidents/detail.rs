//! `/admin/incidents/:id`: the incident, its linked inquiries (answered at once with the bulk
//! bar), and the ones that match it and are not linked yet — newest first, so those arriving now
//! are on top.
use super::api::{get_incident, link_inquiries};
use super::page::IncidentForm;
use super::{IncidentInput, IncidentInquiry, IncidentView};
use crate::admin::StaffGate;
use crate::contact::bulk::BulkItem;
use crate::contact::inbox::BulkBar;
use crate::contact::StatusBadge;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::FormProblem;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn IncidentPage() -> impl IntoView {
    view! { <StaffGate><Incident /></StaffGate> }
}

#[component]
fn Incident() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    let loaded = LocalResource::new(move || get_incident(id()));
    let latest = RwSignal::new(None::<Result<IncidentView, AppError>>);
    let current = move || latest.get().or_else(|| loaded.get());
    let problem = RwSignal::new(None::<AppError>);
    let link = Action::new(move |(ids, on): &(Vec<i64>, bool)| link_inquiries(id(), ids.clone(), *on));
    // Linked or unlinked: the incident as it now stands.
    Effect::new(move |_| match link.value().get() {
        Some(Ok(_)) => {
            problem.set(None);
            latest.set(None);
            loaded.refetch();
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let selected = RwSignal::new(Vec::<BulkItem>::new());
    // What the bulk bar acts on: every linked inquiry not closed, as loaded (a thread that moved
    // on since is skipped and reported by the server).
    Effect::new(move |_| {
        if let Some(Ok(view)) = current() {
            selected.set(
                view.linked
                    .iter()
                    .filter(|i| i.status != crate::contact::Status::Closed)
                    .map(|i| BulkItem { inquiry_id: i.id, seen_message_id: i.last_message_id })
                    .collect(),
            );
        }
    });
    // The incident's title heads the tab's title.
    crate::shell::titles::use_title(crate::shell::titles::STAFF, move || {
        current().and_then(Result::ok).map(|v| v.incident.title)
    });
    let saved = Callback::new(move |view: IncidentView| latest.set(Some(Ok(view))));
    view! {
        <section>
            <p><A href="/admin/incidents">"← " {i18n.t(msg::INCIDENTS_TITLE)}</A></p>
            <FormProblem problem=problem.into() />
            {move || match current() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(view)) => {
                    let n = view.incident.clone();
                    let input = IncidentInput {
                        title: n.title.clone(),
                        status: n.status,
                        public_note: n.public_note.clone(),
                        shop_name: n.shop_name.clone(),
                        around_day: n.around_day,
                        window_days: n.window_days,
                    };
                    let all_suggested: Vec<i64> = view.suggested.iter().map(|i| i.id).collect();
                    view! {
                        <h1>{n.title.clone()}</h1>
                        <details class="card">
                            <summary>{i18n.t(msg::INCIDENT_EDIT)}</summary>
                            <IncidentForm id=Some(n.id) input on_saved=saved />
                        </details>
                        <h2>{i18n.t(msg::INCIDENT_LINKED)} " (" {view.linked.len()} ")"</h2>
                        <Rows rows=view.linked button=msg::INCIDENT_UNLINK on_press=move |i| { link.dispatch((vec![i], false)); } />
                        <h2>{i18n.t(msg::INCIDENT_SUGGESTED)} " (" {view.suggested.len()} ")"</h2>
                        {(!all_suggested.is_empty()).then(|| view! {
                            <button type="button" on:click=move |_| { link.dispatch((all_suggested.clone(), true)); }>
                                {i18n.t(msg::INCIDENT_LINK_ALL)}
                            </button>
                        })}
                        <Rows rows=view.suggested button=msg::INCIDENT_LINK on_press=move |i| { link.dispatch((vec![i], true)); } />
                    }.into_any()
                }
            }}
            <div hidden=move || selected.with(Vec::is_empty)>
                <BulkBar selected on_done=move || { latest.set(None); loaded.refetch(); } />
            </div>
        </section>
    }
}

#[component]
fn Rows(
    rows: Vec<IncidentInquiry>,
    button: crate::i18n::Text,
    on_press: impl Fn(i64) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let id = r.id;
                        let reference = r.reference.clone();
                        view! {
                            <tr>
                                <td><a href=format!("/admin/inquiries/{id}")>{r.reference}</a></td>
                                <td>{r.member_name}</td>
                                <td>{r.shop} " " {r.used_on}</td>
                                <td><StatusBadge status=r.status /></td>
                                <td>
                                    <button type="button" aria-label=move || format!("{} {reference}", button.get(i18n.get()))
                                        on:click=move |_| on_press(id)>{i18n.t(button)}</button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
