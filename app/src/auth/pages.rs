//! Login and registration pages.
use super::api::{login, register};
use super::{use_session, LoginInput, RegisterInput};
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// Where to go after logging in: the `next` query parameter when it is a path of this site
/// (see `redirect.rs`), else the top page.
fn next_path() -> impl Fn() -> String {
    let query = use_query_map();
    move || {
        query
            .with_untracked(|q| q.get("next"))
            .and_then(|p| super::redirect::local_path(&p))
            .unwrap_or_else(|| "/".into())
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let next = next_path();
    let navigate = use_navigate();
    let action = Action::new(|input: &LoginInput| login(input.clone()));
    Effect::new(move |_| match action.value().get() {
        Some(Ok(user)) => {
            session.set(Some(user));
            navigate(&next(), NavigateOptions::default());
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let field =
        move |name: &'static str| Signal::derive(move || problem.get().and_then(|p| p.field_message(name, i18n.get())));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        action.dispatch(LoginInput { email: email.get_untracked(), password: password.get_untracked() });
    };
    let register_href = move || format!("/register?next={}", urlencode(&next_path()()));
    view! {
        <section class="card narrow" aria-labelledby="login-title">
            <h1 id="login-title">{i18n.t(msg::LOGIN_TITLE)}</h1>
            <form on:submit=on_submit novalidate>
                <FormProblem problem=problem.into() />
                <TextField id="email" label=msg::EMAIL value=email input_type="email" autocomplete="username" error=field("email") />
                <TextField id="password" label=msg::PASSWORD value=password input_type="password" autocomplete="current-password" error=field("password") />
                <button type="submit" class="primary" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { msg::SUBMITTING.get(i18n.get()) } else { msg::LOGIN.get(i18n.get()) }}
                </button>
            </form>
            <p>{i18n.t(msg::NO_ACCOUNT)} " " <a href=register_href>{i18n.t(msg::REGISTER)}</a></p>
        </section>
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let attempted = RwSignal::new(false);
    let server_problem = RwSignal::new(None::<AppError>);
    let next = next_path();
    let navigate = use_navigate();
    let input =
        move || RegisterInput { email: email.get(), password: password.get(), display_name: display_name.get() };
    // The same validation the server runs, live once the member has tried to submit.
    let local_problem = Memo::new(move |_| if attempted.get() { input().validate().err() } else { None });
    let problem = Signal::derive(move || local_problem.get().or_else(|| server_problem.get()));
    let action = Action::new(|input: &RegisterInput| register(input.clone()));
    Effect::new(move |_| match action.value().get() {
        Some(Ok(user)) => {
            session.set(Some(user));
            navigate(&next(), NavigateOptions::default());
        }
        Some(Err(e)) => server_problem.set(Some(e)),
        None => {}
    });
    let field =
        move |name: &'static str| Signal::derive(move || problem.get().and_then(|p| p.field_message(name, i18n.get())));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        server_problem.set(None);
        let value = input();
        if value.validate().is_ok() {
            action.dispatch(value);
        }
    };
    let login_href = move || format!("/login?next={}", urlencode(&next_path()()));
    view! {
        <section class="card narrow" aria-labelledby="register-title">
            <h1 id="register-title">{i18n.t(msg::REGISTER_TITLE)}</h1>
            <form on:submit=on_submit novalidate>
                <FormProblem problem=problem />
                <TextField id="email" label=msg::EMAIL value=email input_type="email" autocomplete="email" error=field("email") />
                <TextField id="password" label=msg::PASSWORD value=password input_type="password" autocomplete="new-password" hint=msg::PASSWORD_HINT error=field("password") max_chars=128 />
                <TextField id="display_name" label=msg::DISPLAY_NAME value=display_name autocomplete="nickname" hint=msg::DISPLAY_NAME_HINT error=field("display_name") max_chars=30 />
                <button type="submit" class="primary" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { msg::SUBMITTING.get(i18n.get()) } else { msg::REGISTER.get(i18n.get()) }}
                </button>
            </form>
            <p>{i18n.t(msg::HAVE_ACCOUNT)} " " <a href=login_href>{i18n.t(msg::LOGIN)}</a></p>
        </section>
    }
}

/// Percent-encodes a local path for a query parameter.
pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
