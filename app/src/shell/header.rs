use crate::auth::api::logout;
use crate::auth::use_session;
use crate::i18n::{msg, use_i18n, Lang};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let logout_action = Action::new(|_: &()| logout());
    Effect::new(move |_| {
        if logout_action.value().get().is_some() {
            session.set(None);
            navigate("/", NavigateOptions::default());
        }
    });
    let toggle_lang = move |_| {
        i18n.lang.update(|l| *l = if *l == Lang::Ja { Lang::En } else { Lang::Ja });
    };
    let account = move || match session.state() {
        None => view! { <span class="muted">{i18n.t(msg::LOADING)}</span> }.into_any(),
        Some(None) => view! {
            <A href="/login">{i18n.t(msg::LOGIN)}</A>
            <A href="/register" attr:class="button-link">{i18n.t(msg::REGISTER)}</A>
        }
        .into_any(),
        Some(Some(user)) => {
            let staff = user.is_staff();
            view! {
                <span class="who">
                    {i18n.t(msg::LOGGED_IN_AS)} " " <strong>{user.display_name.clone()}</strong>
                    {staff.then(|| view! { <span class="badge">{i18n.t(msg::STAFF_BADGE)}</span> })}
                </span>
                <a href="/account">{i18n.t(msg::ACCOUNT_LINK)}</a>
                <A href="/contact/history">
                    {i18n.t(msg::HISTORY_TITLE)}
                    {(user.unread_replies > 0).then(|| {
                        let n = user.unread_replies;
                        view! {
                            " " <span class="badge unread" aria-label=move || format!("{}: {n}", msg::UNREAD_REPLY.get(i18n.get()))>{n}</span>
                        }
                    })}
                </A>
                <A href="/chat/history">{i18n.t(msg::CHAT_HISTORY)}</A>
                {staff.then(|| view! { <A href="/admin">{i18n.t(msg::ADMIN)}</A> })}
                <button type="button" class="link" on:click=move |_| { logout_action.dispatch(()); }>
                    {i18n.t(msg::LOGOUT)}
                </button>
            }
            .into_any()
        }
    };
    // Our mail to this member bounced: say so on every page, with the domain to allow.
    let refused = move || {
        let domain = session.user()?.mail_refused_from?;
        Some(view! {
            <p class="notice warn mail-refused" role="status">
                {i18n.t(msg::MAIL_REFUSED_1)} <strong>{domain}</strong> {i18n.t(msg::CARRIER_NOTICE_2)}
            </p>
        })
    };
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">{i18n.t(msg::SITE_NAME)}</A>
            <nav aria-label=i18n.t(msg::NAV_MAIN) class="account">
                {account}
                <button
                    type="button"
                    class="lang"
                    lang=move || if i18n.get() == Lang::Ja { "en" } else { "ja" }
                    aria-label=i18n.t(msg::LANG_SWITCH_LABEL)
                    on:click=toggle_lang
                >
                    {i18n.t(msg::LANG_SWITCH)}
                </button>
            </nav>
            {refused}
        </header>
    }
}
