//! Login and registration pages.
use super::api::{get_sign_in_options, login, register, resend_verification, verify_email};
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
    let code = RwSignal::new(String::new());
    // Shown once the server said the password is right and the account has two-factor.
    let wants_code = RwSignal::new(false);
    let problem = RwSignal::new(None::<AppError>);
    let next = next_path();
    let navigate = use_navigate();
    // With a parent site, members log in there; staff (`?staff`, or bound for /admin) log in here.
    let options = LocalResource::new(get_sign_in_options);
    let staff_login = use_query_map().with_untracked(|q| q.get("staff").is_some()) || next().starts_with("/admin");
    let to_parent = {
        let next = next_path();
        Memo::new(move |_| {
            options.get().and_then(Result::ok).and_then(|o| o.parent_login(&next())).filter(|_| !staff_login)
        })
    };
    Effect::new(move |_| {
        if let Some(url) = to_parent.get() {
            let _ = window().location().replace(&url);
        }
    });
    let action = Action::new(|input: &LoginInput| login(input.clone()));
    Effect::new(move |_| match action.value().get() {
        Some(Ok(user)) => {
            session.set(Some(user));
            navigate(&next(), NavigateOptions::default());
        }
        Some(Err(AppError::CodeRequired)) => wants_code.set(true),
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let field =
        move |name: &'static str| Signal::derive(move || problem.get().and_then(|p| p.field_message(name, i18n.get())));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        let code = wants_code.get_untracked().then(|| code.get_untracked());
        action.dispatch(LoginInput { email: email.get_untracked(), password: password.get_untracked(), code });
    };
    let register_href = move || format!("/register?next={}", urlencode(&next_path()()));
    view! {
        <section class="card narrow" aria-labelledby="login-title">
            <h1 id="login-title">{i18n.t(msg::LOGIN_TITLE)}</h1>
            <p role="status" hidden=move || to_parent.with(Option::is_none)>{i18n.t(msg::SSO_MOVING)}</p>
            <form on:submit=on_submit novalidate hidden=move || to_parent.with(Option::is_some)>
                <FormProblem problem=problem.into() />
                <TextField id="email" label=msg::EMAIL value=email input_type="email" autocomplete="username" error=field("email") />
                <TextField id="password" label=msg::PASSWORD value=password input_type="password" autocomplete="current-password" error=field("password") />
                <Show when=move || wants_code.get()>
                    <TextField id="code" label=msg::TWO_FACTOR_CODE value=code autocomplete="one-time-code" hint=msg::TWO_FACTOR_CODE_HINT error=field("code") />
                </Show>
                <button type="submit" class="primary" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { msg::SUBMITTING.get(i18n.get()) } else { msg::LOGIN.get(i18n.get()) }}
                </button>
            </form>
            <p>{i18n.t(msg::NO_ACCOUNT)} " " <a href=register_href>{i18n.t(msg::REGISTER)}</a></p>
            <p><a href="/account/reset">{i18n.t(msg::FORGOT_PASSWORD)}</a></p>
        </section>
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let attempted = RwSignal::new(false);
    let server_problem = RwSignal::new(None::<AppError>);
    let input = move || RegisterInput {
        email: email.get(),
        password: password.get(),
        display_name: display_name.get(),
        lang: i18n.get_untracked(),
    };
    // The same validation the server runs, live once the member has tried to submit.
    let local_problem = Memo::new(move |_| if attempted.get() { input().validate().err() } else { None });
    let problem = Signal::derive(move || local_problem.get().or_else(|| server_problem.get()));
    let action = Action::new(|input: &RegisterInput| register(input.clone()));
    Effect::new(move |_| {
        if let Some(Err(e)) = action.value().get() {
            server_problem.set(Some(e));
        }
    });
    let sent = move || action.value().get().and_then(Result::ok);
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
    // Sign-up may be the parent site's alone.
    let options = LocalResource::new(get_sign_in_options);
    let closed = move || options.get().and_then(Result::ok).is_some_and(|o| !o.local_signup);
    // After sending, the same answer whether or not the address already had an account. The form
    // stays in the page (hidden), so the view is built once.
    view! {
        <section class="card narrow" aria-labelledby="register-title">
            <h1 id="register-title">
                {move || if sent().is_some() { i18n.t(msg::VERIFY_SENT_TITLE)() } else { i18n.t(msg::REGISTER_TITLE)() }}
            </h1>
            <p role="status">{move || sent().map(|done| format!("{}{}", done.email, msg::VERIFY_SENT_BODY.get(i18n.get())))}</p>
            <p class="notice" hidden=move || !closed()>{i18n.t(msg::SIGNUP_ELSEWHERE)}</p>
            <form on:submit=on_submit novalidate hidden=move || sent().is_some() || closed()>
                <FormProblem problem=problem />
                <TextField id="email" label=msg::EMAIL value=email input_type="email" autocomplete="email" error=field("email") />
                <CarrierNotice email=email.into() />
                <TextField id="password" label=msg::PASSWORD value=password input_type="password" autocomplete="new-password" hint=msg::PASSWORD_HINT error=field("password") max_chars=128 />
                <TextField id="display_name" label=msg::DISPLAY_NAME value=display_name autocomplete="nickname" hint=msg::DISPLAY_NAME_HINT error=field("display_name") max_chars=30 />
                <button type="submit" class="primary" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { msg::SUBMITTING.get(i18n.get()) } else { msg::REGISTER.get(i18n.get()) }}
                </button>
            </form>
            <p hidden=move || sent().is_some()>{i18n.t(msg::HAVE_ACCOUNT)} " " <a href=login_href>{i18n.t(msg::LOGIN)}</a></p>
        </section>
    }
}

/// `/account/verify?token=…`, the link in the verification mail: confirms the address, logs the member
/// in and goes on to the top page. Without a token (the banner's link) it offers to mail the
/// link again. Plain signals rather than actions: this page is in the top page's bundle, whose
/// size is budgeted.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let token = use_query_map().with_untracked(|q| q.get("token"));
    let outcome = RwSignal::new(None::<Result<(), AppError>>);
    let has_token = token.is_some();
    if let Some(token) = token {
        leptos::task::spawn_local(async move {
            match verify_email(token).await {
                Ok(user) => {
                    session.set(Some(user));
                    outcome.set(Some(Ok(())));
                    navigate("/", NavigateOptions { replace: true, ..Default::default() });
                }
                Err(e) => outcome.set(Some(Err(e))),
            }
        });
    }
    let resend = move |_| {
        leptos::task::spawn_local(async move { outcome.set(Some(resend_verification().await)) });
    };
    // One line of text for every state, so the page is one small view.
    let text = move || match outcome.get() {
        None if has_token => msg::LOADING.get(i18n.get()).to_owned(),
        None => msg::VERIFY_PENDING.get(i18n.get()).to_owned(),
        Some(Ok(())) if has_token => msg::VERIFY_DONE.get(i18n.get()).to_owned(),
        Some(Ok(())) => msg::VERIFY_RESENT.get(i18n.get()).to_owned(),
        Some(Err(e)) => e.message(i18n.get()),
    };
    view! {
        <section class="card narrow" aria-labelledby="verify-title">
            <h1 id="verify-title">{i18n.t(msg::VERIFY_TITLE)}</h1>
            <p role="status">{text}</p>
            <button type="button" hidden=move || has_token || outcome.get().is_some() on:click=resend>
                {i18n.t(msg::VERIFY_RESEND)}
            </button>
        </section>
    }
}

/// Shown above every page while the logged-in member's address is not verified: why writing is
/// refused, and a link to the page that mails the link again.
#[component]
pub fn VerifyBanner() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || {
        session.user().is_some_and(|u| !u.email_verified).then(|| {
            view! {
                <p class="notice verify-banner" role="status">
                    {i18n.t(msg::VERIFY_PENDING)} " " <a href="/account/verify">{i18n.t(msg::VERIFY_RESEND)}</a>
                </p>
            }
        })
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

/// For carrier mail addresses (docomo, au, SoftBank…): how to let our mail through (受信設定).
#[component]
pub fn CarrierNotice(email: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let options = LocalResource::new(get_sign_in_options);
    let sender = move || {
        let options = options.get().and_then(Result::ok)?;
        email.with(|e| super::is_carrier_mail(e, &options.carrier_domains)).then_some(options.sender_domain)
    };
    move || {
        sender().map(|domain| {
            view! {
                <p class="notice carrier-notice" role="note">
                    {i18n.t(msg::CARRIER_NOTICE_1)} <strong>{domain}</strong> {i18n.t(msg::CARRIER_NOTICE_2)}
                </p>
            }
        })
    }
}
