//! The customer-service corner: the top page with the four ways to get help, the contact form
//! and the chat showing their live conditions (`crate::live`).
use crate::i18n::{msg, use_i18n, Text};
use crate::live::{use_live, ChatLive, DeskLive};
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
    let live = use_live();
    view! {
        <section aria-labelledby="corner-title" class="corner">
            <h1 id="corner-title">{i18n.t(msg::CORNER_TITLE)}</h1>
            <p class="lead">{i18n.t(msg::CORNER_LEAD)}</p>
            <ul class="corner-grid">
                {ENTRIES
                    .into_iter()
                    .map(|(href, title, desc, icon)| {
                        let status = match href {
                            "/contact" => Some(view! { <DeskLive live=live /> }.into_any()),
                            "/chat" => Some(view! { <ChatLive live=live /> }.into_any()),
                            _ => None,
                        };
                        view! {
                            <li class="corner-entry">
                                <A href=href>
                                    <span class="icon" aria-hidden="true">{icon}</span>
                                    <span class="entry-title">{i18n.t(title)}</span>
                                    <span class="entry-desc">{i18n.t(desc)}</span>
                                </A>
                                // Outside the link, so its name stays what the card is.
                                {status}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
