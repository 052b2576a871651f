use super::super::draft::Draft;
use crate::contact::{Category, InquiryInput, Submitted};
use crate::error::AppError;
use crate::files::AttachmentList;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::FormProblem;
use leptos::prelude::*;

type SubmitAction = Action<InquiryInput, Result<Submitted, AppError>>;

#[component]
pub fn ConfirmStep(
    category: Signal<Option<Category>>,
    draft: RwSignal<Draft>,
    submit: SubmitAction,
    problem: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let send = move |_| {
        let input = draft.with_untracked(|d| InquiryInput {
            category_id: d.category_id.clone(),
            fields: d.fields.clone(),
            agree_privacy: d.agree_privacy,
            agree_terms: d.agree_terms,
            idempotency_key: d.idempotency_key.clone(),
            attachments: d.attachments.iter().map(|a| a.id.clone()).collect(),
        });
        problem.set(None);
        submit.dispatch(input);
    };
    let rows = move || {
        let Some(category) = category.get() else {
            return ().into_any();
        };
        let lang = i18n.get();
        let fields = draft.with(|d| d.fields.clone());
        let files = draft.with(|d| d.attachments.clone());
        view! {
            <dl class="summary">
                <dt>{i18n.t(msg::CATEGORY)}</dt>
                <dd>{category.name.get(lang).to_owned()}</dd>
                {category
                    .fields
                    .iter()
                    .filter_map(|spec| {
                        let raw = fields.get(&spec.key).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())?;
                        // Shown as it will be stored ("12,800" → 12800 → "12,800円"); the date
                        // bound is irrelevant here, step 3 already checked it.
                        let stored = spec.check(&raw, crate::calendar::Day::MAX).ok().flatten().unwrap_or(raw);
                        Some(view! { <dt>{spec.label.get(lang).to_owned()}</dt><dd class="pre">{spec.display(&stored, lang)}</dd> })
                    })
                    .collect_view()}
            </dl>
            {(!files.is_empty()).then(|| view! {
                <h3>{i18n.t(msg::ATTACHMENTS)}</h3>
                <AttachmentList files=files />
            })}
        }
        .into_any()
    };
    view! {
        <h2>{i18n.t(msg::CONFIRM_TITLE)}</h2>
        <p class="muted">{i18n.t(msg::CONFIRM_LEAD)}</p>
        <FormProblem problem=problem.into() />
        {rows}
        <crate::live::ReplyByNotice />
        <div class="actions">
            <button type="button" on:click=move |_| draft.update(|d| d.step = 3) disabled=move || submit.pending().get()>{i18n.t(msg::BACK)}</button>
            <button type="button" class="primary" on:click=send disabled=move || submit.pending().get()>
                {move || if submit.pending().get() { msg::SUBMITTING.get(i18n.get()) } else { msg::SEND.get(i18n.get()) }}
            </button>
        </div>
    }
}
