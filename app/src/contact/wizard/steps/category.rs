use super::super::draft::Draft;
use crate::contact::Category;
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;

#[component]
pub fn CategoryStep(categories: Vec<Category>, draft: RwSignal<Draft>) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = move || draft.with(|d| !d.category_id.is_empty());
    view! {
        <form on:submit=move |ev| { ev.prevent_default(); if chosen() { draft.update(|d| d.step = 2); } }>
            <fieldset class="choices">
                <legend>{i18n.t(msg::CHOOSE_CATEGORY)}</legend>
                {categories
                    .into_iter()
                    .map(|c| {
                        let id = c.id.clone();
                        let check_id = id.clone();
                        let name = StoredValue::new(c.name);
                        view! {
                            <label class="choice">
                                <input type="radio" name="category" value=c.id.clone()
                                    prop:checked=move || draft.with(|d| d.category_id == check_id)
                                    on:change=move |_| draft.update(|d| d.category_id = id.clone()) />
                                <span>{move || name.with_value(|n| n.get(i18n.get()).to_owned())}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || !chosen()>{i18n.t(msg::NEXT)}</button>
            </div>
        </form>
    }
}
