use crate::i18n::{msg, use_i18n};
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
