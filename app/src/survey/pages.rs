//! The survey form (shown in place of an ended chat, or later from the chat history) and
//! `/chat/survey/:id`.
use super::api::{answer_survey, get_inquiry_survey_status, get_survey_status};
use super::{SurveyInput, SurveyStatus, COMMENT_MAX};
use crate::error::AppError;
use crate::i18n::{msg, use_i18n, Text};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

const SCORES: [(i64, Text); 5] =
    [(1, msg::SURVEY_1), (2, msg::SURVEY_2), (3, msg::SURVEY_3), (4, msg::SURVEY_4), (5, msg::SURVEY_5)];

/// The survey for chat `session_id`, or for inquiry `inquiry_id` when given.
#[component]
pub fn SurveyForm(session_id: i64, #[prop(optional)] inquiry_id: Option<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let status = LocalResource::new(move || async move {
        match inquiry_id {
            Some(id) => get_inquiry_survey_status(id).await,
            None => get_survey_status(session_id).await,
        }
    });
    let latest = RwSignal::new(None::<SurveyStatus>);
    let skipped = RwSignal::new(false);
    let current = move || latest.get().or_else(|| status.get().and_then(Result::ok));
    move || {
        if skipped.get() {
            return view! { <p class="muted">{i18n.t(msg::SURVEY_SKIP)}</p> }.into_any();
        }
        match (current(), status.get()) {
            (Some(s), _) if s.open => view! {
                <Questions status=s on_saved=move |s| latest.set(Some(s)) on_skip=move || skipped.set(true) />
            }
            .into_any(),
            (Some(s), _) if s.answer.is_some() => {
                view! { <p class="notice" role="status">{i18n.t(msg::SURVEY_THANKS)}</p> }.into_any()
            }
            (Some(_), _) => view! { <p class="muted">{i18n.t(msg::SURVEY_CLOSED)}</p> }.into_any(),
            (None, Some(Err(e))) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
            (None, _) => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
        }
    }
}

#[component]
fn Questions(
    status: SurveyStatus,
    on_saved: impl Fn(SurveyStatus) + Copy + Send + Sync + 'static,
    on_skip: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let session_id = status.session_id;
    let inquiry_id = status.inquiry_id;
    let previous = status.answer.clone();
    let score = RwSignal::new(previous.as_ref().map(|a| a.score).unwrap_or(0));
    let resolved = RwSignal::new(previous.as_ref().map(|a| a.resolved));
    let comment = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let saved = RwSignal::new(previous.is_some());
    let send = Action::new(|input: &SurveyInput| answer_survey(input.clone()));
    Effect::new(move |_| match send.value().get() {
        Some(Ok(s)) => {
            saved.set(true);
            problem.set(None);
            on_saved(s);
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let field =
        move |name: &'static str| Signal::derive(move || problem.get().and_then(|p| p.field_message(name, i18n.get())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = SurveyInput {
            session_id,
            inquiry_id,
            score: score.get_untracked(),
            resolved: resolved.get_untracked(),
            comment: comment.get_untracked(),
        };
        match input.validate() {
            Ok(_) => {
                send.dispatch(input);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <form class="card survey" on:submit=submit novalidate aria-labelledby="survey-title">
            <h2 id="survey-title">{i18n.t(msg::SURVEY_TITLE)}</h2>
            {move || saved.get().then(|| view! { <p class="notice" role="status">{i18n.t(msg::SURVEY_THANKS)}</p> })}
            <FormProblem problem=problem.into() />
            <fieldset class="choices scores">
                <legend>{i18n.t(msg::SURVEY_SCORE)}</legend>
                {SCORES.into_iter().map(|(value, label)| view! {
                    <label class="choice">
                        <input type="radio" name="score" prop:checked=move || score.get() == value on:change=move |_| score.set(value) />
                        <span>{i18n.t(label)}</span>
                    </label>
                }).collect_view()}
                <p class="field-error">{move || field("score").get()}</p>
            </fieldset>
            <fieldset class="choices">
                <legend>{i18n.t(msg::SURVEY_RESOLVED)}</legend>
                <label class="choice">
                    <input type="radio" name="resolved" prop:checked=move || resolved.get() == Some(true) on:change=move |_| resolved.set(Some(true)) />
                    <span>{i18n.t(msg::FAQ_YES)}</span>
                </label>
                <label class="choice">
                    <input type="radio" name="resolved" prop:checked=move || resolved.get() == Some(false) on:change=move |_| resolved.set(Some(false)) />
                    <span>{i18n.t(msg::FAQ_NO)}</span>
                </label>
                <p class="field-error">{move || field("resolved").get()}</p>
            </fieldset>
            <TextField id="survey-comment" label=msg::SURVEY_COMMENT value=comment hint=msg::SURVEY_COMMENT_FINAL error=field("comment") multiline=true max_chars=COMMENT_MAX />
            <div class="actions">
                <button type="submit" class="primary" disabled=move || send.pending().get()>
                    {move || if saved.get() { msg::SURVEY_CHANGE.get(i18n.get()) } else { msg::SURVEY_SEND.get(i18n.get()) }}
                </button>
                <button type="button" on:click=move |_| on_skip()>{i18n.t(msg::SURVEY_SKIP)}</button>
            </div>
        </form>
    }
}

/// `/chat/survey/:id`: the survey for a chat the member left before answering.
#[component]
pub fn SurveyPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    view! {
        <section>
            <p><A href="/chat/history">"← " {i18n.t(msg::CHAT_HISTORY)}</A></p>
            {move || view! { <SurveyForm session_id=id() /> }}
        </section>
    }
}

/// `/contact/survey/:id`: the survey for an inquiry the staff closed (linked from their mail).
#[component]
pub fn InquirySurveyPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    view! {
        <section>
            <p><A href=move || format!("/contact/history/{}", id())>"← " {i18n.t(msg::HISTORY_TITLE)}</A></p>
            {move || view! { <SurveyForm session_id=0 inquiry_id=id() /> }}
        </section>
    }
}
