//! The account page's last two sections: downloading one's own data, and withdrawal (退会).
use super::api::{my_mail_settings, withdraw};
use crate::auth::{use_session, MailSettings};
use crate::domain::ValidationError;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;

/// A plain download link: the browser saves the JSON the server makes for this session's member.
#[component]
pub fn DataExport() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="export-title">
            <h2 id="export-title">{i18n.t(msg::EXPORT_TITLE)}</h2>
            <p class="muted">{i18n.t(msg::EXPORT_HELP)}</p>
            <a class="button-link" href="/api/account/export.json" download="madoguchi-data.json" rel="external">
                {i18n.t(msg::EXPORT_DOWNLOAD)}
            </a>
        </section>
    }
}

/// Closes the account after the password and an explicit "I understand".
#[component]
pub fn Withdraw() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let password = RwSignal::new(String::new());
    let understood = RwSignal::new(false);
    let problem = RwSignal::new(None::<AppError>);
    let done = RwSignal::new(false);
    let act = Action::new(|password: &String| withdraw(password.clone()));
    Effect::new(move |_| match act.value().get() {
        Some(Ok(())) => {
            done.set(true);
            session.set(None);
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let field = Signal::derive(move || problem.get().and_then(|p| p.field_message("password", i18n.get())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !understood.get_untracked() {
            problem.set(Some(AppError::field("understood", ValidationError::MustAgree)));
            return;
        }
        problem.set(None);
        act.dispatch(password.get_untracked());
    };
    let agree_error = move || problem.get().and_then(|p| p.field_message("understood", i18n.get()));
    view! {
        <section class="card danger-zone" aria-labelledby="withdraw-title">
            <h2 id="withdraw-title">{i18n.t(msg::WITHDRAW_TITLE)}</h2>
            <Show
                when=move || done.get()
                fallback=move || view! {
                    <p>{i18n.t(msg::WITHDRAW_HELP)}</p>
                    <form on:submit=submit novalidate>
                        <FormProblem problem=problem.into() />
                        <TextField id="withdraw-password" label=msg::PASSWORD value=password input_type="password" autocomplete="current-password" error=field />
                        <p>
                            <label>
                                <input type="checkbox" prop:checked=move || understood.get() on:change=move |ev| understood.set(event_target_checked(&ev)) />
                                " " {i18n.t(msg::WITHDRAW_UNDERSTOOD)}
                            </label>
                        </p>
                        <p class="field-error" role="alert">{agree_error}</p>
                        <button type="submit" class="danger" disabled=move || act.pending().get()>{i18n.t(msg::WITHDRAW_BUTTON)}</button>
                    </form>
                }
            >
                <p role="status">{i18n.t(msg::WITHDRAW_DONE)}</p>
                <p><a href="/" rel="external">{i18n.t(msg::BACK_HOME)}</a></p>
            </Show>
        </section>
    }
}

/// The member's mail choices in one place: language, and the optional idea-decision mails.
#[component]
pub fn MailSettingsForm() -> impl IntoView {
    let i18n = use_i18n();
    let current = LocalResource::new(|| my_mail_settings(None));
    let save = Action::new(|change: &MailSettings| my_mail_settings(Some(*change)));
    let shown = move || save.value().get().and_then(Result::ok).or_else(|| current.get().and_then(Result::ok));
    let change = move |f: &dyn Fn(&mut MailSettings)| {
        if let Some(mut settings) = shown() {
            f(&mut settings);
            save.dispatch(settings);
        }
    };
    view! {
        <section class="card" aria-labelledby="mail-settings-title">
            <h2 id="mail-settings-title">{i18n.t(msg::MAIL_SETTINGS_TITLE)}</h2>
            {move || shown().map(|s| view! {
                <p>
                    <label for="mail-lang">{i18n.t(msg::MAIL_LANG)}</label> " "
                    <select id="mail-lang" on:change=move |ev| {
                        let lang = if event_target_value(&ev) == "en" { Lang::En } else { Lang::Ja };
                        change(&|s| s.lang = lang);
                    }>
                        <option value="ja" selected=s.lang == Lang::Ja>"日本語"</option>
                        <option value="en" selected=s.lang == Lang::En>"English"</option>
                    </select>
                </p>
                <p>
                    <label>
                        <input type="checkbox" prop:checked=s.idea_decisions on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            change(&|s| s.idea_decisions = on);
                        } />
                        " " {i18n.t(msg::MAIL_IDEAS)}
                    </label>
                </p>
            })}
            {move || matches!(save.value().get(), Some(Ok(_))).then(|| view! { <p role="status">{i18n.t(msg::SAVED)}</p> })}
        </section>
    }
}
