//! "こちらで解決しませんか?": the three most relevant articles for what a member is about to ask,
//! shown in the contact wizard and before the chat queue.
use super::api::{record_suggestion_click, suggest_articles};
use super::pages::Marked;
use super::{SuggestInput, SuggestionSource};
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;
use std::time::Duration;

/// Pause after typing before asking the server, so a fast typist costs one request, not twenty.
const DEBOUNCE: Duration = Duration::from_millis(400);

#[component]
pub fn Suggestions(
    #[prop(into)] context: Signal<String>,
    #[prop(into)] text: Signal<String>,
    source: SuggestionSource,
) -> impl IntoView {
    let i18n = use_i18n();
    let settled = RwSignal::new(text.get_untracked());
    Effect::new(move |_| {
        let now = text.get();
        set_timeout(
            move || {
                if text.get_untracked() == now {
                    settled.set(now);
                }
            },
            DEBOUNCE,
        );
    });
    let hits = LocalResource::new(move || {
        suggest_articles(SuggestInput { context: context.get(), text: settled.get() }, i18n.get())
    });
    move || {
        let list = hits.get().and_then(Result::ok).unwrap_or_default();
        (!list.is_empty()).then(|| {
            view! {
                <aside class="suggestions" aria-labelledby="suggest-title">
                    <h2 id="suggest-title">{i18n.t(msg::SUGGEST_TITLE)}</h2>
                    <ul>
                        {list.into_iter().map(|h| {
                            let id = h.id;
                            view! {
                                <li>
                                    <a href=format!("/faq/{id}") target="_blank" rel="noopener"
                                        on:click=move |_| {
                                            leptos::task::spawn_local(async move {
                                                let _ = record_suggestion_click(id, source).await;
                                            });
                                        }>
                                        <Marked segments=h.title />
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <p class="hint">{i18n.t(msg::SUGGEST_NEW_TAB)}</p>
                </aside>
            }
        })
    }
}
