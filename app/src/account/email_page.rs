//! Changing the address: the form on the account page, and `/account/email?token=…`, the page
//! of the link mailed to the new address.
use super::api::{change_my_email, confirm_email_change};
use super::EmailChange;
use crate::auth::CarrierNotice;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn EmailForm(current: String) -> impl IntoView {
    let i18n = use_i18n();
    let new_email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let act = Action::new(|change: &EmailChange| change_my_email(change.clone()));
    Effect::new(move |_| match act.value().get() {
        Some(Ok(())) => {
            problem.set(None);
            password.set(String::new());
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let field =
        move |name: &'static str| Signal::derive(move || problem.get().and_then(|p| p.field_message(name, i18n.get())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        act.dispatch(EmailChange { new_email: new_email.get_untracked(), password: password.get_untracked() });
    };
    view! {
        <section class="card" aria-labelledby="email-title">
            <h2 id="email-title">{i18n.t(msg::EMAIL_CHANGE_TITLE)}</h2>
            <p class="muted">{i18n.t(msg::EMAIL_CURRENT)} ": " {current}</p>
            <form on:submit=submit novalidate>
                <FormProblem problem=problem.into() />
                <TextField id="new_email" label=msg::EMAIL_NEW value=new_email input_type="email" autocomplete="email" error=field("new_email") />
                <CarrierNotice email=new_email.into() />
                <TextField id="email-password" label=msg::PASSWORD value=password input_type="password" autocomplete="current-password" error=field("password") />
                <button type="submit" class="primary" disabled=move || act.pending().get()>{i18n.t(msg::EMAIL_CHANGE_SEND)}</button>
                {move || matches!(act.value().get(), Some(Ok(()))).then(|| view! { <p role="status">{i18n.t(msg::EMAIL_CHANGE_SENT)}</p> })}
            </form>
        </section>
    }
}

#[component]
pub fn EmailConfirmPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = use_query_map().with_untracked(|q| q.get("token")).unwrap_or_default();
    let outcome = LocalResource::new(move || confirm_email_change(token.clone()));
    view! {
        <section class="card narrow" aria-labelledby="email-confirm-title">
            <h1 id="email-confirm-title">{i18n.t(msg::EMAIL_CHANGE_TITLE)}</h1>
            <p role="status">
                {move || match outcome.get() {
                    None => msg::LOADING.get(i18n.get()).to_owned(),
                    Some(Ok(())) => msg::EMAIL_CHANGE_DONE.get(i18n.get()).to_owned(),
                    Some(Err(e)) => e.field_message("new_email", i18n.get()).unwrap_or_else(|| e.message(i18n.get())),
                }}
            </p>
            <p><a href="/account" rel="external">{i18n.t(msg::ACCOUNT_TITLE)}</a></p>
        </section>
    }
}
