//! One field of a category's form, rendered from its spec.
use crate::contact::{FieldKind, FieldSpec};
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;

#[component]
pub fn DynamicField(
    spec: FieldSpec,
    #[prop(into)] value: Signal<String>,
    on_change: impl Fn(String) + Copy + Send + Sync + 'static,
    on_blur: impl Fn() + Copy + Send + Sync + 'static,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("field-{}", spec.key);
    let error_id = format!("{id}-error");
    let help_id = format!("{id}-help");
    let described = format!("{help_id} {error_id}");
    let invalid = move || {
        if error.get().is_some() {
            "true"
        } else {
            "false"
        }
    };
    let label = StoredValue::new(spec.label.clone());
    let help = spec.help.clone();
    let required = spec.required;
    let max = match &spec.kind {
        FieldKind::Line { max } | FieldKind::Multiline { max } => Some(*max),
        _ => None,
    };
    let input = move |ev| on_change(event_target_value(&ev));
    let control = match spec.kind.clone() {
        FieldKind::Multiline { .. } => view! {
            <textarea id=id.clone() rows="8" aria-required=required.to_string() aria-invalid=invalid aria-describedby=described.clone()
                prop:value=move || value.get() on:input=input on:blur=move |_| on_blur()></textarea>
        }
        .into_any(),
        FieldKind::Choice { options } => view! {
            <select id=id.clone() aria-required=required.to_string() aria-invalid=invalid aria-describedby=described.clone()
                prop:value=move || value.get() on:change=input on:blur=move |_| on_blur()>
                <option value="">{i18n.t(msg::SELECT_PLACEHOLDER)}</option>
                {options
                    .into_iter()
                    .map(|o| {
                        let label = StoredValue::new(o.label);
                        let v = o.value.clone();
                        view! {
                            <option value=o.value selected=move || value.get() == v>
                                {move || label.with_value(|l| l.get(i18n.get()).to_owned())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
        kind => {
            let (input_type, mode) = match kind {
                FieldKind::Date => ("date", "text"),
                FieldKind::Amount => ("text", "numeric"),
                _ => ("text", "text"),
            };
            view! {
                <input id=id.clone() type=input_type inputmode=mode aria-required=required.to_string() aria-invalid=invalid
                    aria-describedby=described.clone() prop:value=move || value.get() on:input=input on:blur=move |_| on_blur() />
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id>
                {move || label.with_value(|l| l.get(i18n.get()).to_owned())}
                <span class=if required { "tag required" } else { "tag" }>
                    {if required { i18n.t(msg::REQUIRED) } else { i18n.t(msg::OPTIONAL) }}
                </span>
            </label>
            {control}
            <div class="field-meta">
                <span class="hint" id=help_id>
                    {help.map(|h| { let h = StoredValue::new(h); move || h.with_value(|h| h.get(i18n.get()).to_owned()) })}
                </span>
                {max.map(|max| view! { <span class="counter" aria-live="polite">{move || value.with(|v| v.chars().count())} " / " {max}</span> })}
            </div>
            <p class="field-error" id=error_id>{move || error.get()}</p>
        </div>
    }
}
