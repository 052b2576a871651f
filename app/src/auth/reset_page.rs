//! `/account/reset`: without a token, the form that mails a reset link (the same answer whether
//! or not the address has an account); with the mailed `?token=`, the form for the new password.
use super::api::{confirm_password_reset, request_password_reset};
use super::{use_session, ResetInput};
use crate::domain::Password;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[component]
pub fn ResetPage() -> impl IntoView {
    let token = use_query_map().with_untracked(|q| q.get("token"));
    match token {
        Some(token) => view! { <NewPassword token=token /> }.into_any(),
        None => view! { <AskForLink /> }.into_any(),
    }
}

#[component]
fn AskForLink() -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let send = Action::new(|email: &String| request_password_reset(email.clone()));
    Effect::new(move |_| problem.set(send.value().get().and_then(Result::err)));
    let sent = move || matches!(send.value().get(), Some(Ok(())));
    let field = Signal::derive(move || problem.get().and_then(|p| p.field_message("email", i18n.get())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send.dispatch(email.get_untracked());
    };
    view! {
        <section class="card narrow" aria-labelledby="reset-title">
            <h1 id="reset-title">{i18n.t(msg::RESET_TITLE)}</h1>
            <p role="status">{move || if sent() { i18n.t(msg::RESET_SENT)() } else { i18n.t(msg::RESET_LEAD)() }}</p>
            <form on:submit=submit novalidate hidden=sent>
                <FormProblem problem=problem.into() />
                <TextField id="email" label=msg::EMAIL value=email input_type="email" autocomplete="username" error=field />
                <button type="submit" class="primary" disabled=move || send.pending().get()>{i18n.t(msg::RESET_SEND)}</button>
            </form>
        </section>
    }
}

#[component]
fn NewPassword(token: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let password = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let save = Action::new(|input: &ResetInput| confirm_password_reset(input.clone()));
    Effect::new(move |_| match save.value().get() {
        Some(Ok(Some(user))) => {
            session.set(Some(user));
            navigate("/", NavigateOptions { replace: true, ..Default::default() });
        }
        // Two-factor accounts log in again, with their code.
        Some(Ok(None)) => navigate("/login", NavigateOptions { replace: true, ..Default::default() }),
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let field = Signal::derive(move || problem.get().and_then(|p| p.field_message("password", i18n.get())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = password.get_untracked();
        // The same rule the server applies, at once.
        match Password::parse(&value) {
            Ok(_) => {
                problem.set(None);
                save.dispatch(ResetInput { token: token.clone(), password: value });
            }
            Err(e) => problem.set(Some(AppError::field("password", e))),
        }
    };
    view! {
        <section class="card narrow" aria-labelledby="reset-title">
            <h1 id="reset-title">{i18n.t(msg::RESET_TITLE)}</h1>
            <form on:submit=submit novalidate>
                <FormProblem problem=problem.into() />
                <TextField id="password" label=msg::RESET_NEW_PASSWORD value=password input_type="password"
                    autocomplete="new-password" hint=msg::PASSWORD_HINT error=field max_chars=128 />
                <button type="submit" class="primary" disabled=move || save.pending().get()>{i18n.t(msg::RESET_SAVE)}</button>
            </form>
        </section>
    }
}
