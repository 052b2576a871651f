//! The help center as members see it: search, categories, and articles.
use super::api::{faq_article, faq_home, search_faq, vote_helpful};
use super::ArticleHit;
use crate::auth::use_session;
use crate::calendar::format_datetime;
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

/// Text with its matched parts in `<mark>`; text is always rendered as text.
#[component]
pub fn Marked(segments: Vec<(String, bool)>) -> impl IntoView {
    segments
        .into_iter()
        .map(|(text, hit)| if hit { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() })
        .collect_view()
}

#[component]
pub fn HitList(hits: Vec<ArticleHit>) -> impl IntoView {
    view! {
        <ul class="hits">
            {hits.into_iter().map(|h| view! {
                <li>
                    <A href=format!("/faq/{}", h.id)><Marked segments=h.title /></A>
                    {(!h.snippet.is_empty()).then(|| view! { <p class="snippet"><Marked segments=h.snippet /></p> })}
                </li>
            }).collect_view()}
        </ul>
    }
}

/// `/faq[?q=…]`: the search box, then results or the categories.
#[component]
pub fn FaqPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let q = move || query.with(|m| m.get("q")).unwrap_or_default();
    let typed = RwSignal::new(q());
    let home = LocalResource::new(move || faq_home(i18n.get()));
    let results = LocalResource::new(move || search_faq(q(), i18n.get()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = typed.get_untracked();
        navigate(&format!("/faq?q={}", crate::auth::urlencode(value.trim())), NavigateOptions::default());
    };
    view! {
        <section aria-labelledby="faq-title">
            <h1 id="faq-title">{i18n.t(msg::FAQ_TITLE)}</h1>
            <form role="search" class="search card" on:submit=submit>
                <label for="faq-q">{i18n.t(msg::FAQ_SEARCH_LABEL)}</label>
                <div class="search-row">
                    <input id="faq-q" type="search" aria-describedby="faq-q-hint" prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev)) />
                    <button type="submit" class="primary">{i18n.t(msg::FAQ_SEARCH_BUTTON)}</button>
                </div>
                <p id="faq-q-hint" class="hint">{i18n.t(msg::FAQ_SEARCH_HINT)}</p>
            </form>
            {move || if q().trim().is_empty() {
                match home.get() {
                    None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                    Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                    Some(Ok(center)) => center.categories.into_iter().map(|c| {
                        let hits: Vec<ArticleHit> = center.articles.iter().filter(|a| a.category_id == c.id).cloned().collect();
                        view! {
                            <section class="card faq-category">
                                <h2>{c.name.get(i18n.get()).to_owned()}</h2>
                                <HitList hits=hits />
                            </section>
                        }
                    }).collect_view().into_any(),
                }
            } else {
                match results.get() {
                    None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                    Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                    Some(Ok(hits)) if hits.is_empty() => view! {
                        <p role="status">{i18n.t(msg::FAQ_NO_RESULTS)}</p>
                        <p><A href="/contact">{i18n.t(msg::CONTACT_TITLE)}</A></p>
                    }.into_any(),
                    Some(Ok(hits)) => view! {
                        <section aria-labelledby="faq-results" class="card">
                            <h2 id="faq-results" aria-live="polite">{i18n.t(msg::FAQ_RESULTS)} " (" {hits.len()} ")"</h2>
                            <HitList hits=hits />
                        </section>
                    }.into_any(),
                }
            }}
        </section>
    }
}

/// `/faq/:id`: one article, its helpful vote, and a way on to the desk.
#[component]
pub fn FaqArticlePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    let article = LocalResource::new(move || faq_article(id(), i18n.get()));
    crate::shell::titles::use_title(crate::shell::titles::HELP, move || {
        article.get().and_then(Result::ok).map(|a| a.title)
    });
    let voted = RwSignal::new(None::<bool>);
    let vote = Action::new(move |helpful: &bool| {
        let (article, helpful) = (untrack(id), *helpful);
        async move { vote_helpful(article, helpful).await.map(|()| helpful) }
    });
    Effect::new(move |_| {
        if let Some(Ok(helpful)) = vote.value().get() {
            voted.set(Some(helpful));
        }
    });
    view! {
        <article class="card faq-article">
            <p><A href="/faq">"← " {i18n.t(msg::FAQ_BACK)}</A></p>
            {move || match article.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(a)) => {
                    let updated = a.updated_at;
                    let mine = a.my_vote;
                    view! {
                        <p class="muted">{a.category.name.get(i18n.get()).to_owned()}</p>
                        <h1>{a.title}</h1>
                        <p class="muted">{i18n.t(msg::FAQ_UPDATED)} ": " {move || format_datetime(&updated, i18n.get())}</p>
                        // Sanitized on the server (ammonia allow-list) before it reaches here.
                        <div class="article-body" inner_html=a.body_html></div>
                        <section class="helpful" aria-labelledby="helpful-q">
                            <h2 id="helpful-q">{i18n.t(msg::FAQ_HELPFUL_Q)}</h2>
                            {move || if session.user().is_none() {
                                view! { <p><A href=format!("/login?next=/faq/{}", id())>{i18n.t(msg::FAQ_VOTE_LOGIN)}</A></p> }.into_any()
                            } else {
                                let current = voted.get().or(mine);
                                view! {
                                    <div class="actions">
                                        <button type="button" aria-pressed=move || (current == Some(true)).to_string()
                                            on:click=move |_| { vote.dispatch(true); }>{i18n.t(msg::FAQ_YES)}</button>
                                        <button type="button" aria-pressed=move || (current == Some(false)).to_string()
                                            on:click=move |_| { vote.dispatch(false); }>{i18n.t(msg::FAQ_NO)}</button>
                                    </div>
                                    {voted.get().is_some().then(|| view! { <p role="status">{i18n.t(msg::FAQ_THANKS)}</p> })}
                                }.into_any()
                            }}
                        </section>
                        <p>{i18n.t(msg::FAQ_STILL_NEED)} " " <A href="/contact">{i18n.t(msg::CONTACT_TITLE)}</A></p>
                    }.into_any()
                }
            }}
        </article>
    }
}
