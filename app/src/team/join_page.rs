//! `/account/invite?token=…`: the invitee sees the address and role they were invited with,
//! chooses a name and password, and is logged in; with staff two-factor on, the staff pages then
//! lead through setting it up first.
use super::api::{accept_invitation, get_invitation};
use super::AcceptInput;
use crate::auth::use_session;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn JoinPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = use_query_map().with_untracked(|q| q.get("token")).unwrap_or_default();
    let invitation = {
        let token = token.clone();
        LocalResource::new(move || get_invitation(token.clone()))
    };
    view! {
        <section class="card narrow" aria-labelledby="join-title">
            <h1 id="join-title">{i18n.t(msg::JOIN_TITLE)}</h1>
            {move || match invitation.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(inv)) => view! {
                    <p>
                        {i18n.t(msg::JOIN_LEAD)} " " <strong>{inv.email.clone()}</strong>
                        " (" {move || inv.role.label(i18n.get())} ")"
                    </p>
                    <JoinForm token=token.clone() email=inv.email.clone() />
                }
                .into_any(),
            }}
        </section>
    }
}

#[component]
fn JoinForm(token: String, email: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let accept = Action::new(|input: &AcceptInput| accept_invitation(input.clone()));
    Effect::new(move |_| match accept.value().get() {
        Some(Ok(user)) => {
            let next = if user.two_factor_due { "/admin/two-factor" } else { "/admin" };
            session.set(Some(user));
            // Another area's bundle: a full page load.
            let _ = window().location().assign(next);
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let field =
        move |f: &'static str| Signal::derive(move || problem.get().and_then(|p| p.field_message(f, i18n.get())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = AcceptInput {
            token: token.clone(),
            display_name: name.get_untracked(),
            password: password.get_untracked(),
        };
        match input.validate() {
            Ok(_) => {
                accept.dispatch(input);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <form on:submit=submit novalidate>
            <FormProblem problem=problem.into() />
            // For password managers: the account the new password belongs to.
            <input type="email" name="username" autocomplete="username" value=email hidden readonly />
            <TextField id="display-name" label=msg::DISPLAY_NAME value=name autocomplete="name" error=field("display_name") />
            <TextField id="password" label=msg::PASSWORD value=password input_type="password" autocomplete="new-password" error=field("password") hint=msg::PASSWORD_HINT />
            <button type="submit" class="primary" disabled=move || accept.pending().get()>{i18n.t(msg::JOIN_SUBMIT)}</button>
        </form>
    }
}
