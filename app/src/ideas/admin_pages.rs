//! `/admin/ideas`: staff review every idea, including hidden ones.
use super::api::{change_idea_status, hide_idea, ideas_for_staff};
use super::{IdeaStatus, IdeaView, StatusChange};
use crate::admin::StaffGate;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::FormProblem;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn IdeasAdminPage() -> impl IntoView {
    view! { <StaffGate><IdeasAdmin /></StaffGate> }
}

#[component]
fn IdeasAdmin() -> impl IntoView {
    let i18n = use_i18n();
    let ideas = LocalResource::new(ideas_for_staff);
    view! {
        <section aria-labelledby="ideas-admin-title">
            <p><A href="/admin">"← " {i18n.t(msg::ADMIN_TITLE)}</A></p>
            <h1 id="ideas-admin-title">{i18n.t(msg::IDEAS_ADMIN_TITLE)}</h1>
            {move || match ideas.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(_)) => ().into_any(),
            }}
            // One list for the page's life, keyed by what a review can change: after one card is
            // saved, only the cards whose idea changed are rebuilt, so unsaved edits elsewhere stay.
            <ul class="ideas">
                <For
                    each=move || ideas.get().and_then(Result::ok).unwrap_or_default()
                    key=|i| (i.id, i.status, i.votes, i.hidden, i.staff_note.clone(), i.duplicate_of)
                    children=move |i| view! { <Review idea=i on_change=move || ideas.refetch() /> }
                />
            </ul>
        </section>
    }
}

#[component]
fn Review(idea: IdeaView, on_change: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let id = idea.id;
    let status = RwSignal::new(idea.status.as_str().to_owned());
    let note = RwSignal::new(idea.staff_note.clone().unwrap_or_default());
    let original = RwSignal::new(idea.duplicate_of.map(|d| d.to_string()).unwrap_or_default());
    let problem = RwSignal::new(None::<AppError>);
    let apply = Action::new(|c: &StatusChange| change_idea_status(c.clone()));
    let hide = Action::new(move |hidden: &bool| hide_idea(id, *hidden));
    Effect::new(move |_| {
        for result in [apply.value().get(), hide.value().get()].into_iter().flatten() {
            match result {
                Ok(_) => {
                    problem.set(None);
                    on_change();
                }
                Err(e) => problem.set(Some(e)),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let change = StatusChange {
            idea_id: id,
            status: IdeaStatus::parse(&status.get_untracked()),
            note: note.get_untracked(),
            duplicate_of: original.get_untracked().trim().trim_start_matches('#').parse().ok(),
        };
        match change.validate() {
            Ok(_) => {
                apply.dispatch(change);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let hidden = idea.hidden;
    let field_error = move |f: &'static str| problem.get().and_then(|p| p.field_message(f, i18n.get()));
    let (status_id, note_id, dup_id) = (format!("status-{id}"), format!("note-{id}"), format!("dup-{id}"));
    view! {
        <li class="card idea" class:hidden-idea=hidden aria-label=format!("#{id} {}", idea.title)>
            <div class="idea-head">
                <h3>"#" {id} " " {idea.title.clone()}</h3>
                <span class="muted">{idea.votes} " " {i18n.t(msg::IDEA_VOTES)}</span>
                {hidden.then(|| view! { <span class="badge">{i18n.t(msg::IDEA_HIDDEN)}</span> })}
            </div>
            {(!idea.body.is_empty()).then(|| view! { <p class="pre">{idea.body.clone()}</p> })}
            <form class="review" on:submit=submit novalidate>
                <FormProblem problem=problem.into() />
                <div class="field">
                    <label for=status_id.clone()>{i18n.t(msg::STATUS)}</label>
                    <select id=status_id on:change=move |ev| status.set(event_target_value(&ev))>
                        {IdeaStatus::ALL.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=move || status.get() == s.as_str()>{move || s.label(i18n.get())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=note_id.clone()>{i18n.t(msg::IDEA_NOTE)}</label>
                    <textarea id=note_id rows="3" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                    <p class="field-error">{move || field_error("note")}</p>
                </div>
                <div class="field">
                    <label for=dup_id.clone()>{i18n.t(msg::IDEA_DUPLICATE_OF)}</label>
                    <input id=dup_id inputmode="numeric" prop:value=move || original.get() on:input=move |ev| original.set(event_target_value(&ev)) />
                    <p class="field-error">{move || field_error("duplicate_of")}</p>
                </div>
                <div class="actions">
                    <button type="submit" class="primary">{i18n.t(msg::IDEA_APPLY)}</button>
                    <button type="button" on:click=move |_| { hide.dispatch(!hidden); }>
                        {if hidden { i18n.t(msg::IDEA_SHOW) } else { i18n.t(msg::IDEA_HIDE) }}
                    </button>
                </div>
            </form>
        </li>
    }
}
