//! `/admin/staff` (supervisors): the team, invitations, roles, deactivation.
use super::api::{get_team, invite_staff, set_staff_active, set_staff_role};
use super::{InviteInput, StaffMember};
use crate::admin::SupervisorGate;
use crate::auth::{use_session, StaffRole};
use crate::calendar::format_datetime;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;

#[component]
pub fn TeamPage() -> impl IntoView {
    view! { <SupervisorGate title=msg::TEAM_TITLE><Team /></SupervisorGate> }
}

#[component]
fn Team() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let team = LocalResource::new(get_team);
    let problem = RwSignal::new(None::<AppError>);
    let role = Action::new(|(id, role): &(i64, StaffRole)| set_staff_role(*id, *role));
    let active = Action::new(|(id, on): &(i64, bool)| set_staff_active(*id, *on));
    Effect::new(move |_| {
        for result in [role.value().get(), active.value().get()].into_iter().flatten() {
            match result {
                Ok(()) => problem.set(None),
                Err(e) => problem.set(Some(e)),
            }
            team.refetch();
        }
    });
    let me = move || session.user().map(|u| u.id).unwrap_or_default();
    let row = move |m: StaffMember| {
        let id = m.id;
        let other = if m.role == StaffRole::Supervisor { StaffRole::Agent } else { StaffRole::Supervisor };
        let change_label =
            if other == StaffRole::Supervisor { msg::TEAM_MAKE_SUPERVISOR } else { msg::TEAM_MAKE_AGENT };
        let (toggle_label, turn_on) =
            if m.active { (msg::TEAM_DEACTIVATE, false) } else { (msg::TEAM_REACTIVATE, true) };
        let name = m.display_name.clone();
        let deactivate = move |_| {
            let question = format!("{}\n{name}", msg::TEAM_DEACTIVATE_CONFIRM.get(i18n.get()));
            if turn_on || window().confirm_with_message(&question).unwrap_or(false) {
                active.dispatch((id, turn_on));
            }
        };
        view! {
            <tr class=if m.active { "" } else { "inactive" }>
                <td>{m.display_name.clone()} {(id == me()).then(|| view! { " " <span class="muted">{i18n.t(msg::TEAM_YOU)}</span> })}</td>
                <td>{m.email.clone()}</td>
                <td>{move || m.role.label(i18n.get())}</td>
                <td>{if m.two_factor { i18n.t(msg::TEAM_TWO_FACTOR_ON) } else { i18n.t(msg::TEAM_TWO_FACTOR_OFF) }}</td>
                <td>{if m.active { i18n.t(msg::TEAM_ACTIVE) } else { i18n.t(msg::TEAM_INACTIVE) }}</td>
                <td class="actions-cell">
                    <button type="button" class="link" on:click=move |_| { role.dispatch((id, other)); }>{i18n.t(change_label)}</button>
                    " "
                    <button type="button" class="link" on:click=deactivate>{i18n.t(toggle_label)}</button>
                </td>
            </tr>
        }
    };
    view! {
        <section aria-labelledby="team-title">
            <h1 id="team-title">{i18n.t(msg::TEAM_TITLE)}</h1>
            <p class="muted">{i18n.t(msg::TEAM_LEAD)}</p>
            <FormProblem problem=problem.into() />
            <InviteForm on_done=move || team.refetch() />
            {move || match team.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(t)) => view! {
                    <div class="card team-table">
                        <table class="team">
                            <thead><tr>
                                <th scope="col">{i18n.t(msg::DISPLAY_NAME)}</th>
                                <th scope="col">{i18n.t(msg::EMAIL)}</th>
                                <th scope="col">{i18n.t(msg::TEAM_ROLE)}</th>
                                <th scope="col">{i18n.t(msg::TWO_FACTOR_TITLE)}</th>
                                <th scope="col">{i18n.t(msg::TEAM_STATE)}</th>
                                <th scope="col"><span class="sr-only">{i18n.t(msg::TEAM_CHANGE)}</span></th>
                            </tr></thead>
                            <tbody>{t.members.into_iter().map(row).collect_view()}</tbody>
                        </table>
                    </div>
                    <div class="card">
                        <h2>{i18n.t(msg::TEAM_PENDING)}</h2>
                        {if t.invitations.is_empty() {
                            view! { <p class="muted">{i18n.t(msg::NONE_YET)}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="invitations">
                                    {t.invitations.into_iter().map(|inv| {
                                        let until = inv.expires_at;
                                        view! {
                                            <li>
                                                {inv.email} " · " {move || inv.role.label(i18n.get())} " · "
                                                {if inv.expired { i18n.t(msg::TEAM_EXPIRED) } else { i18n.t(msg::TEAM_VALID_UNTIL) }}
                                                " " {move || format_datetime(&until, i18n.get())}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </div>
                }
                .into_any(),
            }}
        </section>
    }
}

#[component]
fn InviteForm(on_done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(StaffRole::Agent);
    let problem = RwSignal::new(None::<AppError>);
    let sent = RwSignal::new(None::<String>);
    let invite = Action::new(|input: &InviteInput| invite_staff(input.clone()));
    Effect::new(move |_| match invite.value().get() {
        Some(Ok(())) => {
            problem.set(None);
            sent.set(Some(email.get_untracked()));
            email.set(String::new());
            on_done();
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = InviteInput { email: email.get_untracked(), role: Some(role.get_untracked()), lang: i18n.get() };
        match input.validate() {
            Ok(_) => {
                invite.dispatch(input);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let email_error = Signal::derive(move || problem.get().and_then(|p| p.field_message("email", i18n.get())));
    view! {
        <form class="card" on:submit=submit novalidate aria-labelledby="invite-title">
            <h2 id="invite-title">{i18n.t(msg::TEAM_INVITE)}</h2>
            <FormProblem problem=problem.into() />
            <TextField id="invite-email" label=msg::EMAIL value=email input_type="email" error=email_error />
            <div class="field">
                <label for="invite-role">{i18n.t(msg::TEAM_ROLE)}</label>
                <select id="invite-role" on:change=move |ev| {
                    role.set(if event_target_value(&ev) == "supervisor" { StaffRole::Supervisor } else { StaffRole::Agent });
                }>
                    <option value="agent" selected=move || role.get() == StaffRole::Agent>{move || StaffRole::Agent.label(i18n.get())}</option>
                    <option value="supervisor" selected=move || role.get() == StaffRole::Supervisor>{move || StaffRole::Supervisor.label(i18n.get())}</option>
                </select>
            </div>
            <button type="submit" class="primary" disabled=move || invite.pending().get()>{i18n.t(msg::TEAM_SEND_INVITE)}</button>
            {move || sent.get().map(|to| view! { <p role="status">{i18n.t(msg::TEAM_INVITE_SENT)} " " {to}</p> })}
        </form>
    }
}
