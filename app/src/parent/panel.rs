//! The staff panel: the member's clicks on the parent site for an inquiry's claim (or the last
//! weeks, on the member page and in the chat console). It loads on its own, after the page, so
//! a slow parent site never holds the page up.
use super::api::{parent_for_inquiry, parent_for_member};
use super::{ParentFindings, ParentPanel, Unavailable};
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;

/// What the panel is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelFor {
    Inquiry(i64),
    Member(i64),
}

#[component]
pub fn ParentPanelView(
    of: PanelFor,
    /// Given: the suggested answer can be put in the reply with one button.
    #[prop(optional)]
    on_suggest: Option<Callback<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let loaded = LocalResource::new(move || async move {
        match of {
            PanelFor::Inquiry(id) => parent_for_inquiry(id).await,
            PanelFor::Member(id) => parent_for_member(id).await,
        }
    });
    let body = move || match loaded.get() {
        None => Some(view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any()),
        Some(Ok(ParentPanel::Hidden)) => None,
        Some(Ok(ParentPanel::NotLinked)) => {
            Some(view! { <p class="muted">{i18n.t(msg::PARENT_NOT_LINKED)}</p> }.into_any())
        }
        Some(Ok(ParentPanel::Unavailable(why))) => {
            let reason = match why {
                Unavailable::Timeout => msg::PARENT_TIMEOUT,
                Unavailable::Failed => msg::PARENT_FAILED,
                Unavailable::Invalid => msg::PARENT_INVALID,
                Unavailable::Busy | Unavailable::Paused => msg::PARENT_PAUSED,
            };
            Some(view! { <p class="notice warn" role="status">{i18n.t(reason)} " " {i18n.t(msg::PARENT_DESK_GOES_ON)}</p> }.into_any())
        }
        Some(Ok(ParentPanel::Found(f))) => Some(view! { <Findings f=f on_suggest=on_suggest /> }.into_any()),
        Some(Err(e)) => Some(view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any()),
    };
    move || {
        body().map(|inner| {
            view! {
                <section class="card parent-panel" aria-labelledby="parent-panel-title">
                    <h2 id="parent-panel-title">{i18n.t(msg::PARENT_PANEL_TITLE)}</h2>
                    {inner}
                </section>
            }
        })
    }
}

#[component]
fn Findings(f: ParentFindings, on_suggest: Option<Callback<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let window = format!("{}{} 〜 {}", f.shop.map(|s| format!("{s} · ")).unwrap_or_default(), f.from, f.to);
    let suggestion = StoredValue::new(f.suggestion);
    view! {
        <p class="meta">{window}</p>
        {if f.clicks.is_empty() {
            view! { <p>{i18n.t(msg::PARENT_NO_CLICKS)}</p> }.into_any()
        } else {
            view! {
                <ul class="parent-clicks">
                    {f.clicks.iter().map(|c| view! { <li>{c.summary_ja()}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        <details>
            <summary>{i18n.t(msg::PARENT_SUGGESTION)}</summary>
            <p class="pre">{suggestion.get_value()}</p>
        </details>
        {on_suggest.map(|cb| view! {
            <button type="button" on:click=move |_| cb.run(suggestion.get_value())>{i18n.t(msg::PARENT_USE_SUGGESTION)}</button>
        })}
    }
}
