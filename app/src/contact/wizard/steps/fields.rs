use super::super::draft::Draft;
use super::super::field::DynamicField;
use crate::calendar::Day;
use crate::contact::{validate_fields, Category};
use crate::error::AppError;
use crate::faq::{SuggestionSource, Suggestions};
use crate::files::{AttachmentPicker, Uploads};
use crate::i18n::{msg, use_i18n};
use crate::parent::JudgementNote;
use crate::shell::form::FormProblem;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Step 3. Each field is checked as the member types once they have left it (or tried to go
/// on), with the same code the server runs.
#[component]
pub fn FieldsStep(
    category: Signal<Option<Category>>,
    draft: RwSignal<Draft>,
    today: Day,
    problem: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let touched = RwSignal::new(BTreeSet::<String>::new());
    let uploads = Uploads::new(draft.with_untracked(|d| d.attachments.clone()));
    Effect::new(move |_| {
        let files = uploads.files.get();
        draft.update(|d| d.attachments = files);
    });
    // The server refused the files (expired, too large together): say so at the picker.
    Effect::new(move |_| {
        if let Some(p) = problem.get().filter(|p| p.field_message("attachments", crate::i18n::Lang::Ja).is_some()) {
            uploads.problem.set(Some(p));
        }
    });
    let attempted = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        let Some(category) = category.get_untracked() else {
            return;
        };
        let ok = draft.with_untracked(|d| validate_fields(&category, &d.fields, today).is_ok());
        if ok && !uploads.busy_untracked() {
            problem.set(None);
            draft.update(|d| d.step = 4);
        }
    };
    let fields = move || {
        let Some(category) = category.get() else {
            return ().into_any();
        };
        category
            .fields
            .into_iter()
            .map(|spec| {
                let key = StoredValue::new(spec.key.clone());
                let check_spec = StoredValue::new(spec.clone());
                let value =
                    Signal::derive(move || draft.with(|d| d.fields.get(&key.get_value()).cloned().unwrap_or_default()));
                let error = Signal::derive(move || {
                    let k = key.get_value();
                    let server = problem.get().and_then(|p| p.field_message(&k, i18n.get()));
                    if !(attempted.get() || touched.with(|t| t.contains(&k))) {
                        return server;
                    }
                    check_spec
                        .with_value(|s| s.check(&value.get(), today))
                        .err()
                        .map(|e| e.message(i18n.get()))
                        .or(server)
                });
                view! {
                    <DynamicField
                        spec=spec
                        value=value
                        on_change=move |v| draft.update(|d| { d.fields.insert(key.get_value(), v); })
                        on_blur=move || touched.update(|t| { t.insert(key.get_value()); })
                        error=error
                    />
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <form on:submit=on_submit novalidate>
            <FormProblem problem=problem.into() />
            {move || category.get().map(|c| view! { <p><strong>{i18n.t(msg::CATEGORY)} ": "</strong>{c.name.get(i18n.get()).to_owned()}</p> })}
            {fields}
            {move || {
                // A points claim (a category asking for the shop and the date of use): the parent
                // site may already know the judgement date.
                let claim = category.get().is_some_and(|c| c.field("shop_name").is_some() && c.field("used_on").is_some());
                claim.then(|| {
                    let value = move |k: &'static str| Signal::derive(move || draft.with(|d| d.fields.get(k).cloned().unwrap_or_default()));
                    view! { <JudgementNote shop=value("shop_name") used_on=value("used_on") /> }
                })
            }}
            <AttachmentPicker uploads=uploads id="inquiry-files" />
            <Suggestions
                context=Signal::derive(move || draft.with(|d| d.category_id.clone()))
                text=Signal::derive(move || draft.with(|d| d.fields.values().cloned().collect::<Vec<_>>().join(" ")))
                source=SuggestionSource::Contact
            />
            <div class="actions">
                <button type="button" on:click=move |_| draft.update(|d| d.step = 2)>{i18n.t(msg::BACK)}</button>
                <button type="submit" class="primary" disabled=move || uploads.busy()>{i18n.t(msg::TO_CONFIRM)}</button>
            </div>
        </form>
    }
}
