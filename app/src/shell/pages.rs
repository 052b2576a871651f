use crate::i18n::{msg, use_i18n, Text};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card">
            <h1>{i18n.t(msg::NOT_FOUND_TITLE)}</h1>
            <p><A href="/">{i18n.t(msg::BACK_HOME)}</A></p>
        </section>
    }
}

/// A corner entry whose feature has not landed yet.
#[component]
pub fn ComingSoon(title: Text) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card">
            <h1>{i18n.t(title)}</h1>
            <p>{i18n.t(msg::COMING_SOON)}</p>
            <p><A href="/">{i18n.t(msg::BACK_HOME)}</A></p>
        </section>
    }
}
