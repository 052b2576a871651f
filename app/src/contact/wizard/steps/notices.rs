use super::super::draft::Draft;
use crate::contact::Category;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::FormProblem;
use leptos::prelude::*;

#[component]
pub fn NoticesStep(
    category: Signal<Option<Category>>,
    draft: RwSignal<Draft>,
    problem: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let both = move || draft.with(|d| d.agree_privacy && d.agree_terms);
    let consent_error = move |field: &'static str| problem.get().and_then(|p| p.field_message(field, i18n.get()));
    view! {
        <h2>{i18n.t(msg::NOTICES_TITLE)}</h2>
        <FormProblem problem=problem.into() />
        {move || category.get().map(|c| view! {
            <p><strong>{i18n.t(msg::CATEGORY)} ": "</strong>{c.name.get(i18n.get()).to_owned()}</p>
            <ul class="notices">
                {c.notices.iter().map(|n| view! { <li>{n.get(i18n.get()).to_owned()}</li> }).collect_view()}
            </ul>
        })}
        <form on:submit=move |ev| { ev.prevent_default(); if both() { problem.set(None); draft.update(|d| d.step = 3); } }>
            <div class="consents">
                <label class="choice">
                    <input type="checkbox" prop:checked=move || draft.with(|d| d.agree_privacy)
                        on:change=move |ev| draft.update(|d| d.agree_privacy = event_target_checked(&ev)) />
                    <span>{i18n.t(msg::AGREE_PRIVACY)}</span>
                </label>
                <p class="consent-link">
                    <a href="/privacy" target="_blank" rel="noopener">{i18n.t(msg::PRIVACY_LINK)}</a> " " <span class="muted">{i18n.t(msg::OPENS_NEW_TAB)}</span>
                </p>
                <p class="field-error">{move || consent_error("agree_privacy")}</p>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || draft.with(|d| d.agree_terms)
                        on:change=move |ev| draft.update(|d| d.agree_terms = event_target_checked(&ev)) />
                    <span>{i18n.t(msg::AGREE_TERMS)}</span>
                </label>
                <p class="consent-link">
                    <a href="/terms" target="_blank" rel="noopener">{i18n.t(msg::TERMS_LINK)}</a> " " <span class="muted">{i18n.t(msg::OPENS_NEW_TAB)}</span>
                </p>
                <p class="field-error">{move || consent_error("agree_terms")}</p>
            </div>
            <div class="actions">
                <button type="button" on:click=move |_| draft.update(|d| d.step = 1)>{i18n.t(msg::BACK)}</button>
                <button type="submit" class="primary" disabled=move || !both()>{i18n.t(msg::TO_FORM)}</button>
            </div>
        </form>
    }
}
