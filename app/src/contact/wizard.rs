//! The contact wizard: category → notices and consent → fields → confirm → done. The draft lives
//! in browser storage, so a reload or an expired session loses nothing the member typed.
mod draft;
pub(crate) use draft::random_key;
mod field;
mod steps;

use super::api::{get_contact_form, submit_inquiry};
use super::{ContactForm, InquiryInput, Submitted};
use crate::auth::{use_session, LoginPrompt};
use crate::error::AppError;
use crate::i18n::{msg, use_i18n, Text};
use draft::Draft;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use steps::{CategoryStep, ConfirmStep, DoneStep, FieldsStep, NoticesStep};

pub const STEP_NAMES: [Text; 5] =
    [msg::STEP_CATEGORY, msg::STEP_NOTICES, msg::STEP_FIELDS, msg::STEP_CONFIRM, msg::STEP_DONE];

/// `/contact[?category=points]`: members only; a visitor is shown the way in (login or sign-up),
/// which comes back here with the category kept.
#[component]
pub fn ContactWizardPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let preselected = move || query.with_untracked(|q| q.get("category"));
    let live = crate::live::use_live();
    let back = move || match preselected() {
        Some(c) => format!("/contact?category={c}"),
        None => "/contact".into(),
    };
    view! {
        <section aria-labelledby="contact-title" class="wizard">
            <h1 id="contact-title">{i18n.t(msg::CONTACT_TITLE)}</h1>
            <p class="muted">{i18n.t(msg::CONTACT_DESK_HOURS)}</p>
            <p class="live"><crate::live::DeskLive live=live /></p>
            {move || match session.state() {
                Some(Some(user)) => view! { <Wizard user_id=user.id preselected=preselected() /> }.into_any(),
                Some(None) => view! { <LoginPrompt next=back() reason=msg::CONTACT_LOGIN_REASON /> }.into_any(),
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Wizard(user_id: i64, preselected: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let form = LocalResource::new(get_contact_form);
    let (initial, restored) = Draft::load_or_new(user_id, preselected);
    let draft = RwSignal::new(initial);
    let submitted = RwSignal::new(None::<Submitted>);
    let problem = RwSignal::new(None::<AppError>);
    Effect::new(move |_| draft.with(|d| d.save(user_id)));

    let submit = Action::new(|input: &InquiryInput| submit_inquiry(input.clone()));
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(done)) => {
            Draft::clear(user_id);
            submitted.set(Some(done));
            problem.set(None);
            draft.set(Draft::new(None));
        }
        Some(Err(e)) => {
            // Send the member back to where the problem can be fixed, everything kept.
            if let AppError::Validation(list) = &e {
                let consent = list.iter().any(|f| f.field.starts_with("agree_"));
                draft.update(|d| d.step = if consent { 2 } else { 3 });
            }
            problem.set(Some(e));
        }
        None => {}
    });

    // A draft saved in a category that has since been retired starts again from the choice of
    // category (its values would not fit whatever replaced it).
    Effect::new(move |_| {
        if let Some(Ok(form)) = form.get() {
            let gone = draft.with_untracked(|d| {
                !d.category_id.is_empty() && !form.categories.iter().any(|c| c.id == d.category_id)
            });
            if gone {
                draft.update(|d| {
                    d.step = 1;
                    d.category_id.clear();
                });
            }
        }
    });

    // Memos: typing changes the draft, and must not rebuild the step being typed into.
    let step = Memo::new(move |_| draft.with(|d| d.step));
    let current_step = move || {
        if submitted.with(Option::is_some) {
            5
        } else {
            step.get()
        }
    };
    let body = move || {
        let form: Option<ContactForm> = match form.get() {
            Some(Ok(f)) => Some(f),
            Some(Err(e)) => return view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
            None => None,
        };
        let Some(form) = form else {
            return view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any();
        };
        if let Some(done) = submitted.get() {
            return view! { <DoneStep done=done on_new=move || submitted.set(None) /> }.into_any();
        }
        let categories = StoredValue::new(form.categories.clone());
        let category: Signal<_> = Memo::new(move |_| {
            let id = draft.with(|d| d.category_id.clone());
            categories.with_value(|cs| cs.iter().find(|c| c.id == id).cloned())
        })
        .into();
        match step.get() {
            1 => view! { <CategoryStep categories=form.categories draft=draft /> }.into_any(),
            2 => view! { <NoticesStep category=category draft=draft problem=problem /> }.into_any(),
            3 => view! { <FieldsStep category=category draft=draft today=form.today problem=problem /> }.into_any(),
            _ => view! { <ConfirmStep category=category draft=draft submit=submit problem=problem /> }.into_any(),
        }
    };
    view! {
        <nav aria-label=i18n.t(msg::STEPS_LABEL)>
            <ol class="steps">
                {STEP_NAMES
                    .into_iter()
                    .enumerate()
                    .map(|(i, name)| {
                        let n = i as u8 + 1;
                        view! {
                            <li
                                class=move || match current_step() {
                                    s if s == n => "current",
                                    s if s > n => "done",
                                    _ => "",
                                }
                                aria-current=move || (current_step() == n).then_some("step")
                            >
                                <span class="step-no">{n}</span>
                                {i18n.t(name)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
        {restored.then(|| view! { <p class="notice" role="status">{i18n.t(msg::DRAFT_RESTORED)}</p> })}
        <div class="card">{body}</div>
    }
}
