//! `/chat`: hours first, the PC-only policy, notices and topic routing, then the queue and the
//! conversation.
use super::api::{get_chat_entry, join_queue};
use super::client::connect;
use super::protocol::{ClientMsg, SessionStatus};
use super::topics::{topic, TOPICS};
use super::view::ChatPanel;
use crate::auth::{use_session, LoginPrompt};
use crate::calendar::format_datetime;
use crate::error::AppError;
use crate::faq::{SuggestionSource, Suggestions};
use crate::i18n::{msg, use_i18n};
use crate::shell::form::FormProblem;
use crate::survey::SurveyForm;
use leptos::prelude::*;
use leptos_router::components::A;

/// A phone or tablet: by user agent, or a touch screen narrower than a laptop.
fn on_mobile_device() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let ua = window.navigator().user_agent().unwrap_or_default();
    let touch_narrow = window.navigator().max_touch_points() > 0
        && window.inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w < 1024.0);
    ["Mobi", "Android", "iPhone", "iPad", "iPod"].iter().any(|m| ua.contains(m)) || touch_narrow
}

#[component]
pub fn ChatPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let live = crate::live::use_live();
    view! {
        <section aria-labelledby="chat-title" class="chat-page">
            <h1 id="chat-title">{i18n.t(msg::CHAT_TITLE)}</h1>
            <p class="muted">{i18n.t(msg::CHAT_HOURS)}</p>
            <p class="live"><crate::live::ChatLive live=live /></p>
            {move || match session.state() {
                Some(Some(_)) => view! { <Entry /> }.into_any(),
                Some(None) => view! { <LoginPrompt next="/chat".to_owned() reason=msg::CHAT_LOGIN_REASON /> }.into_any(),
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Entry() -> impl IntoView {
    let i18n = use_i18n();
    let entry = LocalResource::new(get_chat_entry);
    let joined = RwSignal::new(None::<i64>);
    move || {
        if let Some(id) = joined.get() {
            return view! { <Room session=id /> }.into_any();
        }
        match entry.get() {
            None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
            Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
            Some(Ok(e)) if e.current_session.is_some() => {
                view! { <Room session=e.current_session.unwrap_or_default() /> }.into_any()
            }
            Some(Ok(e)) if !e.open_now => {
                let next = e.next_opening;
                view! {
                    <div class="card closed" role="status">
                        <h2>{i18n.t(msg::CHAT_CLOSED)}</h2>
                        <p>{i18n.t(msg::CHAT_NEXT_OPEN)} ": " <strong>{move || format_datetime(&next, i18n.get())}</strong></p>
                        <p>{i18n.t(msg::CHAT_USE_FORM)} " " <A href="/contact">{i18n.t(msg::CONTACT_TITLE)}</A></p>
                    </div>
                }
                .into_any()
            }
            Some(Ok(e)) if e.pc_only && on_mobile_device() => view! {
                <div class="card" role="status">
                    <p>{i18n.t(msg::CHAT_PC_ONLY)}</p>
                    <p><A href="/contact">{i18n.t(msg::CONTACT_TITLE)}</A></p>
                </div>
            }
            .into_any(),
            Some(Ok(_)) => view! { <Start on_joined=move |id| joined.set(Some(id)) /> }.into_any(),
        }
    }
}

/// Notices and the topic; topics for the contact form lead there instead of the queue.
#[component]
fn Start(on_joined: impl Fn(i64) + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let join = Action::new(|t: &String| join_queue(t.clone()));
    Effect::new(move |_| match join.value().get() {
        Some(Ok(id)) => on_joined(id),
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let routed = move || topic(&chosen.get()).and_then(|t| t.contact_category);
    let topic_text = Signal::derive(move || topic(&chosen.get()).map(|t| t.label.ja.to_owned()).unwrap_or_default());
    view! {
        <div class="card">
            <h2>{i18n.t(msg::CHAT_NOTICES_TITLE)}</h2>
            <ul class="notices">
                <li>{i18n.t(msg::CHAT_NOTICE_1)}</li>
                <li>{i18n.t(msg::CHAT_NOTICE_2)}</li>
            </ul>
            <FormProblem problem=problem.into() />
            <fieldset class="choices">
                <legend>{i18n.t(msg::CHAT_TOPIC)}</legend>
                {TOPICS.into_iter().map(|t| view! {
                    <label class="choice">
                        <input type="radio" name="topic" value=t.id prop:checked=move || chosen.get() == t.id
                            on:change=move |_| { problem.set(None); chosen.set(t.id.to_owned()); } />
                        <span>{i18n.t(t.label)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            {move || match routed() {
                Some(category) => view! {
                    <div class="notice" role="status">
                        <p>{i18n.t(msg::CHAT_ROUTED)}</p>
                        <A href=format!("/contact?category={category}") attr:class="button-link">{i18n.t(msg::CHAT_TO_FORM)}</A>
                    </div>
                }.into_any(),
                // The button first: the suggestions arrive a moment after a topic is chosen, and
                // above it they moved the button from under the pointer (a click then missed it).
                None => view! {
                    <button type="button" class="primary" disabled=move || chosen.with(String::is_empty) || join.pending().get()
                        on:click=move |_| { join.dispatch(chosen.get_untracked()); }>
                        {i18n.t(msg::CHAT_CONNECT)}
                    </button>
                    <Suggestions context=Signal::derive(|| "chat".to_owned()) text=topic_text source=SuggestionSource::Chat />
                }.into_any(),
            }}
        </div>
    }
}

/// Waiting (place in line, estimate, leave) and then the conversation.
#[component]
fn Room(session: i64) -> impl IntoView {
    let i18n = use_i18n();
    let conn = connect(session);
    // Only a change of status swaps the view; place-in-line updates re-render just their text.
    let status = Memo::new(move |_| conn.state.with(|s| s.as_ref().map(|s| s.status)));
    let ahead = move || conn.state.with(|s| s.as_ref().and_then(|s| s.ahead)).unwrap_or(0);
    let estimate = move || conn.state.with(|s| s.as_ref().and_then(|s| s.estimate_secs));
    move || match status.get() {
        None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
        Some(SessionStatus::Waiting) => view! {
            <div class="card waiting" role="status" aria-live="polite">
                <p>{i18n.t(msg::CHAT_WAITING)}</p>
                <p class="queue-place">
                    {move || if ahead() == 0 {
                        msg::CHAT_NEXT_UP.get(i18n.get()).to_owned()
                    } else {
                        format!("{} {} {}", msg::CHAT_AHEAD.get(i18n.get()), ahead(), msg::CHAT_PEOPLE.get(i18n.get()))
                    }}
                </p>
                {move || estimate().map(|secs| view! {
                    <p>{i18n.t(msg::CHAT_ESTIMATE)} ": " {(secs + 59) / 60} " " {i18n.t(msg::CHAT_MINUTES)}</p>
                })}
                <button type="button" on:click=move |_| conn.push(ClientMsg::Leave)>{i18n.t(msg::CHAT_LEAVE)}</button>
            </div>
        }
        .into_any(),
        Some(SessionStatus::Left) => view! {
            <div class="card" role="status">
                <p>{i18n.t(msg::CHAT_LEFT)}</p>
                <p><A href="/">{i18n.t(msg::BACK_HOME)}</A></p>
            </div>
        }
        .into_any(),
        // Either side ended it: the survey takes the chat's place (the transcript stays above).
        Some(SessionStatus::Ended) => view! {
            <ChatPanel conn=conn staff_view=false />
            <super::team::MailTranscript session_id=session />
            <SurveyForm session_id=session />
        }
        .into_any(),
        Some(_) => view! { <ChatPanel conn=conn staff_view=false /> }.into_any(),
    }
}

/// `/chat/history`: the member's past chats, with the survey while it can still be answered.
#[component]
pub fn ChatHistoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let chats = LocalResource::new(super::api::my_chats);
    view! {
        <section aria-labelledby="chat-history-title">
            <h1 id="chat-history-title">{i18n.t(msg::CHAT_HISTORY)}</h1>
            {move || match chats.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{i18n.t(msg::NONE_YET)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="hits">{list.into_iter().map(|c| {
                        let at = c.enqueued_at;
                        let label = topic(&c.topic).map(|t| t.label);
                        view! {
                            <li>
                                <A href=format!("/chat/history/{}", c.session_id)>{move || format_datetime(&at, i18n.get())}</A>
                                " · " {label.map(|l| i18n.t(l)())}
                                {(c.status == SessionStatus::Ended).then(|| view! {
                                    " · " <A href=format!("/chat/survey/{}", c.session_id)>{i18n.t(msg::SURVEY_LINK)}</A>
                                })}
                            </li>
                        }
                    }).collect_view()}</ul>
                }.into_any(),
            }}
        </section>
    }
}

/// `/chat/history/:id`: one of the member's past chats, message by message.
#[component]
pub fn ChatTranscriptPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = leptos_router::hooks::use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    let transcript = LocalResource::new(move || super::api::my_chat_transcript(id()));
    view! {
        <section>
            <p><A href="/chat/history">"← " {i18n.t(msg::CHAT_HISTORY)}</A></p>
            {move || match transcript.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(t)) => view! {
                    <h1>{i18n.t(msg::TRANSCRIPT)}</h1>
                    <p class="muted">{t.staff.map(|s| format!("{}: {s}", msg::CHAT_WITH.get(i18n.get_untracked())))}</p>
                    <ol class="chat-log">{t.messages.into_iter().map(|m| {
                        let at = m.at;
                        view! { <li class=if m.from_staff { "bubble theirs" } else { "bubble mine" }>
                            <p class="meta">{m.author} " · " {move || format_datetime(&at, i18n.get())}</p><p class="pre">{m.body}</p></li> }
                    }).collect_view()}</ol>
                }.into_any(),
            }}
        </section>
    }
}
