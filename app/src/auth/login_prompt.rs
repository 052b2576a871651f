//! What a visitor sees on a members-only entry page (`/contact`, `/chat`): what the page is for
//! and the way in, on the page itself. Sending visitors straight to the login page hid the page
//! from crawlers and link previews (robots.txt keeps them out of `/login`) and moved the layout
//! twice on the way.
use super::pages::urlencode;
use crate::i18n::{msg, use_i18n, Text};
use leptos::prelude::*;

#[component]
pub fn LoginPrompt(
    /// Where login and sign-up come back to (`/contact?category=points`).
    next: String,
    /// Why an account is needed here.
    reason: Text,
) -> impl IntoView {
    let i18n = use_i18n();
    let next = urlencode(&next);
    view! {
        <div class="card login-prompt" role="status">
            <p>{i18n.t(reason)}</p>
            <p class="actions">
                <a class="button-link primary" href=format!("/login?next={next}")>{i18n.t(msg::LOGIN)}</a>
                " "
                <a class="button-link" href=format!("/register?next={next}")>{i18n.t(msg::REGISTER)}</a>
            </p>
        </div>
    }
}
