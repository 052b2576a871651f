//! Form pieces shared by every feature: a labelled field with its hint, live character count and
//! error, and the form-level problem banner.
use crate::error::AppError;
use crate::i18n::{use_i18n, Text};
use leptos::prelude::*;

#[component]
pub fn TextField(
    id: &'static str,
    label: Text,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] hint: Option<Text>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] max_chars: Option<usize>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = format!("{hint_id} {error_id}");
    let invalid = move || {
        if error.get().is_some() {
            "true"
        } else {
            "false"
        }
    };
    let counter = max_chars.map(|max| {
        view! {
            <span class="counter" aria-live="polite">
                {move || value.with(|v| v.chars().count())} " / " {max}
            </span>
        }
    });
    let control = if multiline {
        view! {
            <textarea id=id name=id rows="6" aria-invalid=invalid aria-describedby=described.clone()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id name=id type=input_type autocomplete=autocomplete aria-invalid=invalid aria-describedby=described.clone()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id>{i18n.t(label)}</label>
            {control}
            <div class="field-meta">
                <span class="hint" id=hint_id>{hint.map(|h| i18n.t(h))}</span>
                {counter}
            </div>
            <p class="field-error" id=error_id>{move || error.get()}</p>
        </div>
    }
}

/// The form-level message: what went wrong, read out by screen readers when it appears.
#[component]
pub fn FormProblem(problem: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div role="alert" class="form-problem" class:visible=move || problem.get().is_some()>
            {move || problem.get().map(|p| p.message(i18n.get()))}
        </div>
    }
}
