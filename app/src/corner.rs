//! The customer-service corner: the top page with the four ways to get help.
use crate::i18n::{msg, use_i18n, Text};
use leptos::prelude::*;
use leptos_router::components::A;

const ENTRIES: [(&str, Text, Text, &str); 4] = [
    ("/contact", msg::CORNER_CONTACT, msg::CORNER_CONTACT_DESC, "✉"),
    ("/chat", msg::CORNER_CHAT, msg::CORNER_CHAT_DESC, "💬"),
    ("/ideas", msg::CORNER_IDEAS, msg::CORNER_IDEAS_DESC, "💡"),
    ("/faq", msg::CORNER_FAQ, msg::CORNER_FAQ_DESC, "?"),
];

#[component]
pub fn CornerPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="corner-title" class="corner">
            <h1 id="corner-title">{i18n.t(msg::CORNER_TITLE)}</h1>
            <p class="lead">{i18n.t(msg::CORNER_LEAD)}</p>
            <ul class="corner-grid">
                {ENTRIES
                    .into_iter()
                    .map(|(href, title, desc, icon)| {
                        view! {
                            <li class="corner-entry">
                                <A href=href>
                                    <span class="icon" aria-hidden="true">{icon}</span>
                                    <span class="entry-title">{i18n.t(title)}</span>
                                    <span class="entry-desc">{i18n.t(desc)}</span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
