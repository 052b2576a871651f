//! `/admin/incidents`: the incidents (open first) and a form to open one.
use super::api::{list_incidents, save_incident};
use super::{IncidentInput, IncidentStatus, IncidentView, NOTE_MAX, SHOP_MAX, TITLE_MAX};
use crate::admin::StaffGate;
use crate::calendar::Day;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn IncidentsPage() -> impl IntoView {
    view! { <StaffGate><Incidents /></StaffGate> }
}

#[component]
fn Incidents() -> impl IntoView {
    let i18n = use_i18n();
    let incidents = LocalResource::new(list_incidents);
    let opened = Callback::new(move |view: IncidentView| {
        let _ = window().location().set_href(&format!("/admin/incidents/{}", view.incident.id));
    });
    view! {
        <section aria-labelledby="incidents-title">
            <p><A href="/admin/inquiries">"← " {i18n.t(msg::INBOX_TITLE)}</A></p>
            <h1 id="incidents-title">{i18n.t(msg::INCIDENTS_TITLE)}</h1>
            <p class="muted">{i18n.t(msg::INCIDENTS_HELP)}</p>
            {move || match incidents.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{i18n.t(msg::INCIDENTS_NONE)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="incident-list">
                        {list.into_iter().map(|n| view! {
                            <li>
                                <A href=format!("/admin/incidents/{}", n.id)>{n.title}</A>
                                " · " {n.shop_name} " · " {n.linked} {i18n.t(msg::INCIDENT_LINKED_COUNT)}
                                {(n.status == IncidentStatus::Resolved).then(|| view! { " " <span class="badge">{i18n.t(msg::INCIDENT_RESOLVED)}</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <h2>{i18n.t(msg::INCIDENT_NEW)}</h2>
            <IncidentForm id=None input=IncidentInput { window_days: 3, ..Default::default() } on_saved=opened />
        </section>
    }
}

/// Opens an incident (`id` none) or changes it; what was typed stays when it is refused.
#[component]
pub fn IncidentForm(id: Option<i64>, input: IncidentInput, on_saved: Callback<IncidentView>) -> impl IntoView {
    let i18n = use_i18n();
    let title = RwSignal::new(input.title);
    let shop = RwSignal::new(input.shop_name);
    let day = RwSignal::new(input.around_day.map(|d| d.to_string()).unwrap_or_default());
    let window_days = RwSignal::new(input.window_days.to_string());
    let note = RwSignal::new(input.public_note);
    let resolved = RwSignal::new(input.status == IncidentStatus::Resolved);
    let problem = RwSignal::new(None::<AppError>);
    let save = Action::new(move |input: &IncidentInput| save_incident(id, input.clone()));
    Effect::new(move |_| match save.value().get() {
        Some(Ok(view)) => {
            problem.set(None);
            on_saved.run(view);
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let field =
        move |name: &'static str| Signal::derive(move || problem.get().and_then(|p| p.field_message(name, i18n.get())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = IncidentInput {
            title: title.get_untracked(),
            status: if resolved.get_untracked() { IncidentStatus::Resolved } else { IncidentStatus::Open },
            public_note: note.get_untracked(),
            shop_name: shop.get_untracked(),
            around_day: Day::parse(&day.get_untracked()),
            // Not a number: out of range, so the server's check names the field.
            window_days: window_days.get_untracked().trim().parse().unwrap_or(u32::MAX),
        };
        match input.validate() {
            Ok(_) => {
                save.dispatch(input);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <form class="card" on:submit=submit novalidate>
            <FormProblem problem=problem.into() />
            <TextField id="incident-title" label=msg::INCIDENT_NAME value=title error=field("title") max_chars=TITLE_MAX />
            <TextField id="incident-shop" label=msg::INCIDENT_SHOP value=shop error=field("shop_name") max_chars=SHOP_MAX hint=msg::INCIDENT_SHOP_HINT />
            <TextField id="incident-day" label=msg::INCIDENT_DAY value=day input_type="date" error=field("around_day") />
            <TextField id="incident-window" label=msg::INCIDENT_WINDOW value=window_days input_type="number" error=field("window_days") />
            <TextField id="incident-note" label=msg::INCIDENT_NOTE value=note error=field("public_note") max_chars=NOTE_MAX multiline=true hint=msg::INCIDENT_NOTE_HINT />
            {id.is_some().then(|| view! {
                <label class="choice">
                    <input type="checkbox" prop:checked=resolved on:change=move |ev| resolved.set(event_target_checked(&ev)) />
                    <span>{i18n.t(msg::INCIDENT_RESOLVED)}</span>
                </label>
            })}
            <button type="submit" class="primary" disabled=move || save.pending().get()>{i18n.t(msg::INCIDENT_SAVE)}</button>
        </form>
    }
}
