//! `/admin/two-factor`: a staff member sets up two-factor here (the staff pages send them here
//! first while it is required), or sees that it is on and how many backup codes are left.
use super::api::{confirm_two_factor, get_two_factor_status, start_two_factor};
use super::{BackupCodes, Enrolment};
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;

#[component]
pub fn TwoFactorPage() -> impl IntoView {
    let i18n = use_i18n();
    let status = LocalResource::new(get_two_factor_status);
    view! {
        <section class="card narrow" aria-labelledby="two-factor-title">
            <h1 id="two-factor-title">{i18n.t(msg::TWO_FACTOR_TITLE)}</h1>
            {move || match status.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(s)) if s.enabled => view! {
                    <p role="status">{i18n.t(msg::TWO_FACTOR_ON)}</p>
                    <p>{i18n.t(msg::TWO_FACTOR_CODES_LEFT)} ": " {s.backup_codes_left}</p>
                }
                .into_any(),
                Some(Ok(s)) => view! {
                    {s.required.then(|| view! { <p class="notice">{i18n.t(msg::ERR_TWO_FACTOR_SETUP)}</p> })}
                    <Enrol />
                }
                .into_any(),
            }}
        </section>
    }
}

/// Scan (or type) the secret, confirm with the first code, then keep the backup codes.
#[component]
fn Enrol() -> impl IntoView {
    let i18n = use_i18n();
    let offer = LocalResource::new(start_two_factor);
    let code = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let done = RwSignal::new(None::<BackupCodes>);
    let confirm = Action::new(|code: &String| confirm_two_factor(code.clone()));
    Effect::new(move |_| match confirm.value().get() {
        Some(Ok(codes)) => done.set(Some(codes)),
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let field = Signal::derive(move || problem.get().and_then(|p| p.field_message("code", i18n.get())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        problem.set(None);
        confirm.dispatch(code.get_untracked());
    };
    let steps = move |e: Enrolment| {
        view! {
            <ol class="steps-text">
                <li>{i18n.t(msg::TWO_FACTOR_SCAN)}</li>
                <li>{i18n.t(msg::TWO_FACTOR_ENTER)}</li>
            </ol>
            // An SVG drawn on the server from our own otpauth address: no member text in it.
            <div class="qr" role="img" aria-label=i18n.t(msg::TWO_FACTOR_QR) inner_html=e.qr_svg></div>
            <p>{i18n.t(msg::TWO_FACTOR_SECRET)} ": " <code data-testid="totp-secret">{e.secret}</code></p>
            <form on:submit=submit novalidate>
                <FormProblem problem=problem.into() />
                <TextField id="code" label=msg::TWO_FACTOR_CODE value=code autocomplete="one-time-code" error=field />
                <button type="submit" class="primary" disabled=move || confirm.pending().get()>
                    {i18n.t(msg::TWO_FACTOR_CONFIRM)}
                </button>
            </form>
        }
    };
    move || match (done.get(), offer.get()) {
        (Some(codes), _) => view! {
            <p role="status">{i18n.t(msg::TWO_FACTOR_ON)}</p>
            <p>{i18n.t(msg::TWO_FACTOR_BACKUP_LEAD)}</p>
            <ul class="backup-codes" data-testid="backup-codes">
                {codes.codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
            </ul>
            // A full load (rel=external), so the staff pages read the account afresh and stop
            // sending here.
            <p><a href="/admin" rel="external">{i18n.t(msg::TWO_FACTOR_CONTINUE)}</a></p>
        }
        .into_any(),
        (None, None) => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
        (None, Some(Err(e))) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
        (None, Some(Ok(e))) => steps(e).into_any(),
    }
}
