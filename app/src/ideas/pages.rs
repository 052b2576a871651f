//! The idea lab as members see it: the adopted board (the landing view), all ideas, posting,
//! and their own ideas.
use super::api::{adopted_ideas, idea_board, my_ideas, post_idea, set_idea_mails, similar_ideas, vote_idea};
use super::{BoardFilter, BoardSort, IdeaInput, IdeaStatus, IdeaView, IDEA_BODY_MAX, IDEA_TITLE_MAX};
use crate::auth::use_session;
use crate::calendar::format_datetime;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;
use leptos_router::components::A;
use std::time::Duration;

#[component]
fn LabNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="lab-nav" aria-label=i18n.t(msg::IDEAS_TITLE)>
            <A href="/ideas">{i18n.t(msg::IDEAS_ADOPTED_TITLE)}</A>
            <A href="/ideas/board">{i18n.t(msg::IDEAS_BOARD)}</A>
            <A href="/ideas/new">{i18n.t(msg::IDEAS_POST)}</A>
            <A href="/ideas/mine">{i18n.t(msg::IDEAS_MINE)}</A>
        </nav>
    }
}

#[component]
fn IdeaStatusBadge(status: IdeaStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class=format!("status idea-{}", status.as_str())>{move || status.label(i18n.get())}</span> }
}

/// One idea on a list: title, text (as text, line breaks kept), status, votes, and the vote
/// toggle for logged-in members.
#[component]
fn IdeaCard(idea: IdeaView) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let current = RwSignal::new(idea.clone());
    let toggle = Action::new(|(id, on): &(i64, bool)| vote_idea(*id, *on));
    let problem = RwSignal::new(None::<AppError>);
    Effect::new(move |_| match toggle.value().get() {
        Some(Ok(updated)) => current.set(updated),
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let created = idea.created_at;
    view! {
        <li class="idea card">
            <div class="idea-head">
                <h3>{idea.title.clone()}</h3>
                <IdeaStatusBadge status=idea.status />
            </div>
            {(!idea.body.is_empty()).then(|| view! { <p class="pre">{idea.body.clone()}</p> })}
            {idea.duplicate_of.map(|d| view! { <p class="muted">{i18n.t(msg::IDEA_SEE_ORIGINAL)} " #" {d}</p> })}
            {idea.staff_note.clone().map(|n| view! { <div class="staff-note"><strong>{i18n.t(msg::IDEA_STAFF_NOTE)}</strong><p class="pre">{n}</p></div> })}
            <div class="idea-meta">
                <span class="votes" aria-live="polite"><strong>{move || current.with(|i| i.votes)}</strong> " " {i18n.t(msg::IDEA_VOTES)}</span>
                <span class="muted">"#" {idea.id} " · " {move || format_datetime(&created, i18n.get())}</span>
                {move || {
                    let idea = current.get();
                    (session.user().is_some() && idea.status != IdeaStatus::Duplicate).then(|| {
                        let (id, voted) = (idea.id, idea.voted_by_me);
                        view! {
                            <button type="button" aria-pressed=voted.to_string() on:click=move |_| { toggle.dispatch((id, !voted)); }>
                                {if voted { i18n.t(msg::IDEA_UNVOTE) } else { i18n.t(msg::IDEA_VOTE) }}
                            </button>
                        }
                    })
                }}
            </div>
            <FormProblem problem=problem.into() />
        </li>
    }
}

#[component]
fn IdeaList(ideas: Vec<IdeaView>) -> impl IntoView {
    view! { <ul class="ideas">{ideas.into_iter().map(|i| view! { <IdeaCard idea=i /> }).collect_view()}</ul> }
}

/// `/ideas`: the adopted board — the lab's landing view.
#[component]
pub fn AdoptedPage() -> impl IntoView {
    let i18n = use_i18n();
    let adopted = LocalResource::new(adopted_ideas);
    view! {
        <section aria-labelledby="adopted-title">
            <p class="muted">{i18n.t(msg::IDEAS_TITLE)}</p>
            <h1 id="adopted-title">{i18n.t(msg::IDEAS_ADOPTED_TITLE)}</h1>
            <LabNav />
            <p class="lead">{i18n.t(msg::IDEAS_ADOPTED_LEAD)}</p>
            {move || match adopted.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{i18n.t(msg::IDEAS_ADOPTED_EMPTY)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ol class="adopted">
                        {list.into_iter().map(|idea| {
                            let when = idea.status_changed_at;
                            view! {
                                <li class="card adopted-item">
                                    <p class="muted">{move || when.map(|w| format_datetime(&w, i18n.get())).unwrap_or_default()}</p>
                                    <h2>{idea.title}</h2>
                                    <div class="staff-note">
                                        <strong>{i18n.t(msg::IDEA_WHAT_CHANGED)}</strong>
                                        <p class="pre">{idea.staff_note.unwrap_or_default()}</p>
                                    </div>
                                    <p class="muted">{idea.votes} " " {i18n.t(msg::IDEA_VOTES)}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any(),
            }}
        </section>
    }
}

/// `/ideas/board`: every visible idea, filtered by status and sorted.
#[component]
pub fn BoardPage() -> impl IntoView {
    let i18n = use_i18n();
    let filter = RwSignal::new(BoardFilter::default());
    let ideas = LocalResource::new(move || idea_board(filter.get()));
    view! {
        <section aria-labelledby="board-title">
            <p class="muted">{i18n.t(msg::IDEAS_TITLE)}</p>
            <h1 id="board-title">{i18n.t(msg::IDEAS_BOARD)}</h1>
            <LabNav />
            <form class="filters card" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="idea-status">{i18n.t(msg::STATUS)}</label>
                    <select id="idea-status" on:change=move |ev| filter.update(|f| f.status = IdeaStatus::parse(&event_target_value(&ev)))>
                        <option value="">{i18n.t(msg::FILTER_ANY)}</option>
                        {IdeaStatus::ALL.into_iter().map(|s| view! { <option value=s.as_str()>{move || s.label(i18n.get())}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="idea-sort">{i18n.t(msg::IDEA_SORT)}</label>
                    <select id="idea-sort" on:change=move |ev| {
                        let votes = event_target_value(&ev) == "votes";
                        filter.update(|f| f.sort = if votes { BoardSort::MostVotes } else { BoardSort::Newest });
                    }>
                        <option value="newest">{i18n.t(msg::IDEA_SORT_NEWEST)}</option>
                        <option value="votes">{i18n.t(msg::IDEA_SORT_VOTES)}</option>
                    </select>
                </div>
            </form>
            {move || match ideas.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(list)) => view! { <IdeaList ideas=list /> }.into_any(),
            }}
        </section>
    }
}

/// `/ideas/new`: post an idea; similar ones appear while the title is typed.
#[component]
pub fn NewIdeaPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let posted = RwSignal::new(None::<IdeaView>);
    let settled = RwSignal::new(String::new());
    Effect::new(move |_| {
        let now = title.get();
        set_timeout(
            move || {
                if title.get_untracked() == now {
                    settled.set(now)
                }
            },
            Duration::from_millis(350),
        );
    });
    let similar = LocalResource::new(move || similar_ideas(settled.get()));
    let post = Action::new(|input: &IdeaInput| post_idea(input.clone()));
    Effect::new(move |_| match post.value().get() {
        Some(Ok(idea)) => {
            title.set(String::new());
            body.set(String::new());
            problem.set(None);
            posted.set(Some(idea));
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let field =
        move |name: &'static str| Signal::derive(move || problem.get().and_then(|p| p.field_message(name, i18n.get())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = IdeaInput { title: title.get_untracked(), body: body.get_untracked() };
        match input.validate() {
            Ok(_) => {
                post.dispatch(input);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <section aria-labelledby="new-idea-title">
            <p class="muted">{i18n.t(msg::IDEAS_TITLE)}</p>
            <h1 id="new-idea-title">{i18n.t(msg::IDEAS_POST)}</h1>
            <LabNav />
            {move || match session.state() {
                Some(None) => view! { <p role="alert">{i18n.t(msg::IDEA_LOGIN_TO_VOTE)} " " <A href="/login?next=/ideas/new">{i18n.t(msg::LOGIN)}</A></p> }.into_any(),
                _ => view! {
                    {move || posted.get().map(|i| view! { <p class="notice" role="status">{i18n.t(msg::IDEA_POSTED)} " #" {i.id} " " {i.title}</p> })}
                    <form class="card" on:submit=submit novalidate>
                        <FormProblem problem=problem.into() />
                        <TextField id="idea-title" label=msg::IDEA_TITLE value=title hint=msg::IDEA_TITLE_HINT error=field("title") max_chars=IDEA_TITLE_MAX />
                        {move || {
                            let list = similar.get().and_then(Result::ok).unwrap_or_default();
                            (!list.is_empty() && !title.with(|t| t.trim().is_empty())).then(|| view! {
                                <aside class="suggestions" aria-labelledby="similar-title">
                                    <h2 id="similar-title">{i18n.t(msg::IDEA_SIMILAR)}</h2>
                                    <IdeaList ideas=list />
                                </aside>
                            })
                        }}
                        <TextField id="idea-body" label=msg::IDEA_BODY value=body error=field("body") multiline=true max_chars=IDEA_BODY_MAX />
                        <button type="submit" class="primary" disabled=move || post.pending().get()>{i18n.t(msg::IDEA_SUBMIT)}</button>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}

/// `/ideas/mine`: the member's own ideas and their mail preference.
#[component]
pub fn MyIdeasPage() -> impl IntoView {
    let i18n = use_i18n();
    let ideas = LocalResource::new(my_ideas);
    let pref = LocalResource::new(|| set_idea_mails(None));
    let change = Action::new(|on: &bool| set_idea_mails(Some(*on)));
    let mails_on = move || change.value().get().and_then(Result::ok).or_else(|| pref.get().and_then(Result::ok));
    view! {
        <section aria-labelledby="my-ideas-title">
            <p class="muted">{i18n.t(msg::IDEAS_TITLE)}</p>
            <h1 id="my-ideas-title">{i18n.t(msg::IDEAS_MINE)}</h1>
            <LabNav />
            {move || mails_on().map(|on| view! {
                <label class="choice">
                    <input type="checkbox" prop:checked=on on:change=move |ev| { change.dispatch(event_target_checked(&ev)); } />
                    <span>{i18n.t(msg::IDEA_MAILS)}</span>
                </label>
            })}
            {move || match ideas.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())} " " <A href="/login?next=/ideas/mine">{i18n.t(msg::LOGIN)}</A></p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{i18n.t(msg::NONE_YET)}</p> }.into_any(),
                Some(Ok(list)) => view! { <IdeaList ideas=list /> }.into_any(),
            }}
        </section>
    }
}
