//! `/account`: the member's own account — display name, password, and where they are logged in.
use super::api::{change_display_name, change_my_password, end_my_sessions, my_sessions};
use super::data::{DataExport, MailSettingsForm, Withdraw};
use super::PasswordChange;
use crate::auth::{use_session, CarrierNotice};
use crate::calendar::format_datetime;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || {
        match session.state() {
        None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
        Some(None) => view! {
            <p class="card" role="alert">{i18n.t(msg::ERR_LOGIN_REQUIRED)} " " <a href="/login?next=/account">{i18n.t(msg::LOGIN)}</a></p>
        }
        .into_any(),
        Some(Some(user)) => view! {
            <section aria-labelledby="account-title">
                <h1 id="account-title">{i18n.t(msg::ACCOUNT_TITLE)}</h1>
                <CarrierNotice email=Signal::stored(user.email.clone()) />
                <NameForm current=user.display_name.clone() />
                <super::email_page::EmailForm current=user.email.clone() />
                <PasswordForm />
                <Sessions />
                <MailSettingsForm />
                <DataExport />
                {(!user.is_staff()).then(|| view! { <Withdraw /> })}
            </section>
        }
        .into_any(),
    }
    }
}

#[component]
fn NameForm(current: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let name = RwSignal::new(current);
    let problem = RwSignal::new(None::<AppError>);
    let save = Action::new(|name: &String| change_display_name(name.clone()));
    Effect::new(move |_| match save.value().get() {
        Some(Ok(user)) => {
            problem.set(None);
            session.set(Some(user));
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let field = Signal::derive(move || problem.get().and_then(|p| p.field_message("display_name", i18n.get())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(name.get_untracked());
    };
    view! {
        <section class="card" aria-labelledby="name-title">
            <h2 id="name-title">{i18n.t(msg::DISPLAY_NAME)}</h2>
            <form on:submit=submit novalidate>
                <FormProblem problem=problem.into() />
                <TextField id="display_name" label=msg::DISPLAY_NAME value=name autocomplete="nickname" hint=msg::DISPLAY_NAME_HINT error=field max_chars=30 />
                <button type="submit" class="primary" disabled=move || save.pending().get()>{i18n.t(msg::SAVE)}</button>
                {move || matches!(save.value().get(), Some(Ok(_))).then(|| view! { <p role="status">{i18n.t(msg::SAVED)}</p> })}
            </form>
        </section>
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let save = Action::new(|change: &PasswordChange| change_my_password(change.clone()));
    Effect::new(move |_| match save.value().get() {
        Some(Ok(())) => {
            problem.set(None);
            current.set(String::new());
            new.set(String::new());
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let field =
        move |name: &'static str| Signal::derive(move || problem.get().and_then(|p| p.field_message(name, i18n.get())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(PasswordChange { current: current.get_untracked(), new: new.get_untracked() });
    };
    view! {
        <section class="card" aria-labelledby="password-title">
            <h2 id="password-title">{i18n.t(msg::PASSWORD_CHANGE_TITLE)}</h2>
            <p class="muted">{i18n.t(msg::PASSWORD_CHANGE_HELP)}</p>
            <form on:submit=submit novalidate>
                <FormProblem problem=problem.into() />
                <TextField id="current" label=msg::PASSWORD_CURRENT value=current input_type="password" autocomplete="current-password" error=field("current") />
                <TextField id="new" label=msg::RESET_NEW_PASSWORD value=new input_type="password" autocomplete="new-password" hint=msg::PASSWORD_HINT error=field("new") max_chars=128 />
                <button type="submit" class="primary" disabled=move || save.pending().get()>{i18n.t(msg::RESET_SAVE)}</button>
                {move || matches!(save.value().get(), Some(Ok(()))).then(|| view! { <p role="status">{i18n.t(msg::PASSWORD_CHANGED)}</p> })}
            </form>
        </section>
    }
}

#[component]
fn Sessions() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(my_sessions);
    let end = Action::new(|id: &Option<String>| end_my_sessions(id.clone()));
    Effect::new(move |_| {
        if end.value().get().is_some() {
            list.refetch();
        }
    });
    view! {
        <section class="card" aria-labelledby="sessions-title">
            <h2 id="sessions-title">{i18n.t(msg::SESSIONS_TITLE)}</h2>
            {move || match list.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(sessions)) => view! {
                    <ul class="closure-list">
                        {sessions.into_iter().map(|s| {
                            let at = s.last_seen;
                            let id = s.id.clone();
                            view! {
                                <li>
                                    <span>{s.device}</span> " · "
                                    <span>{move || format_datetime(&at, i18n.get())}</span> " "
                                    {if s.this_device {
                                        view! { <strong>{i18n.t(msg::SESSIONS_THIS)}</strong> }.into_any()
                                    } else {
                                        view! {
                                            <button type="button" class="link" on:click=move |_| { end.dispatch(Some(id.clone())); }>
                                                {i18n.t(msg::SESSIONS_END)}
                                            </button>
                                        }.into_any()
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <button type="button" on:click=move |_| { end.dispatch(None); }>{i18n.t(msg::SESSIONS_END_OTHERS)}</button>
                }.into_any(),
            }}
        </section>
    }
}
