use super::api::{add_closure, failed_mails, get_admin_overview, list_closures, remove_closure, retry_mail};
use super::{ClosureInput, DeskStatus};
use crate::auth::use_session;
use crate::calendar::format_datetime;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n, Text};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;
use leptos_router::components::A;

/// Shows its children to staff only; everyone else gets a refusal (with a login link for
/// visitors). The server functions behind staff pages refuse non-staff on their own, whatever this
/// shows.
#[component]
pub fn StaffGate(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let children = StoredValue::new(children);
    move || match session.state() {
        None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
        // Two-factor comes first while it is required (the server refuses staff functions until then).
        Some(Some(user)) if user.two_factor_due => {
            let _ = window().location().assign("/admin/two-factor");
            view! { <p class="muted" role="status">{i18n.t(msg::LOADING)}</p> }.into_any()
        }
        Some(Some(user)) if user.is_staff() => children.with_value(|c| c()).into_any(),
        Some(user) => view! {
            <section class="card refusal" role="alert" aria-labelledby="admin-refused">
                <h1 id="admin-refused">{i18n.t(msg::ADMIN_TITLE)}</h1>
                <p>{i18n.t(msg::ADMIN_REFUSED)}</p>
                {user.is_none().then(|| view! { <p><A href="/login?next=/admin">{i18n.t(msg::LOGIN)}</A></p> })}
            </section>
        }
        .into_any(),
    }
}

/// Inside `StaffGate`: supervisors see the children; agents are told plainly that the page is not
/// theirs (the server refuses them whatever this shows).
#[component]
pub fn SupervisorGate(title: Text, children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let children = StoredValue::new(children);
    view! {
        <StaffGate>
            {move || if session.user().is_some_and(|u| u.is_supervisor()) {
                children.with_value(|c| c()).into_any()
            } else {
                view! {
                    <section class="card refusal" aria-labelledby="supervisor-only">
                        <h1 id="supervisor-only">{i18n.t(title)}</h1>
                        <p role="alert">{i18n.t(msg::ERR_FORBIDDEN)}</p>
                    </section>
                }
                .into_any()
            }}
        </StaffGate>
    }
}

/// `/admin`: the staff dashboard.
#[component]
pub fn AdminPage() -> impl IntoView {
    view! { <StaffGate><Dashboard /></StaffGate> }
}

#[component]
fn Dashboard() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let supervisor = move || session.user().is_some_and(|u| u.is_supervisor());
    let overview = LocalResource::new(get_admin_overview);
    let desk = move |title: Text, status: DeskStatus| {
        view! {
            <div class="stat">
                <h3>{i18n.t(title)}</h3>
                <p class=if status.open_now { "open" } else { "closed" }>
                    {if status.open_now { i18n.t(msg::OPEN_NOW) } else { i18n.t(msg::CLOSED_NOW) }}
                </p>
                <p>{i18n.t(msg::NEXT_OPENING)} ": " {move || format_datetime(&status.next_opening, i18n.get())}</p>
            </div>
        }
    };
    view! {
        <section aria-labelledby="admin-title">
            <h1 id="admin-title">{i18n.t(msg::ADMIN_TITLE)}</h1>
            <nav class="admin-nav" aria-label=i18n.t(msg::ADMIN)>
                <A href="/admin/chat">{i18n.t(msg::STAFF_CHAT_LINK)}</A>
                " · "
                <A href="/admin/insights">{i18n.t(msg::INSIGHTS_LINK)}</A>
                " · "
                <a href="/admin/figures">{i18n.t(msg::FIGURES_TITLE)}</a>
                " · "
                <A href="/admin/inquiries">{i18n.t(msg::INBOX_LINK)}</A>
                " · "
                <a href="/admin/chats">{i18n.t(msg::PAST_CHATS_LINK)}</a>
                " · "
                <A href="/admin/faq">{i18n.t(msg::FAQ_ADMIN_LINK)}</A>
                " · "
                <A href="/admin/ideas">{i18n.t(msg::IDEAS_ADMIN_LINK)}</A>
                " · "
                <A href="/admin/two-factor">{i18n.t(msg::TWO_FACTOR_TITLE)}</A>
                {move || supervisor().then(|| view! {
                    " · " <A href="/admin/staff">{i18n.t(msg::TEAM_LINK)}</A>
                    " · " <A href="/admin/audit">{i18n.t(msg::AUDIT_LINK)}</A>
                    " · " <A href="/admin/categories">{i18n.t(msg::CAT_LINK)}</A>
                    " · " <A href="/admin/mail">{i18n.t(msg::MAIL_HELD_LINK)}</A>
                    " · " <a href="/admin/rules">{i18n.t(msg::RULES_LINK)}</a>
                    " · " <a href="/admin/webhooks">{i18n.t(msg::WEBHOOKS_LINK)}</a>
                })}
            </nav>
            {move || match overview.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(o)) => view! {
                    <div class="stats">
                        <div class="stat"><h3>{i18n.t(msg::ADMIN_MEMBERS)}</h3><p class="big">{o.members}</p></div>
                        <div class="stat"><h3>{i18n.t(msg::ADMIN_STAFF)}</h3><p class="big">{o.staff}</p></div>
                        <div class="stat"><h3>{i18n.t(msg::ADMIN_NOW)}</h3><p>{move || format_datetime(&o.now, i18n.get())}</p></div>
                        {desk(msg::ADMIN_MAIL_DESK, o.mail_desk.clone())}
                        {desk(msg::ADMIN_CHAT_DESK, o.chat.clone())}
                    </div>
                }
                .into_any(),
            }}
            // Closure days are the supervisors' (the server refuses agents too).
            {move || supervisor().then(|| view! { <Closures on_change=move || overview.refetch() /> })}
            <FailedMails />
        </section>
    }
}

/// Mails the outbox gave up on, each with the reason and a button that queues it again.
#[component]
fn FailedMails() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(failed_mails);
    let retry = Action::new(|id: &i64| retry_mail(*id));
    Effect::new(move |_| {
        if retry.value().get().is_some() {
            list.refetch();
        }
    });
    view! {
        <section class="card" aria-labelledby="failed-mail-title">
            <h2 id="failed-mail-title">{i18n.t(msg::FAILED_MAIL_TITLE)}</h2>
            {move || retry.value().get().and_then(Result::err).map(|e| view! { <p role="alert">{e.message(i18n.get())}</p> })}
            {move || match list.get() {
                Some(Ok(mails)) if mails.is_empty() => view! { <p class="muted">{i18n.t(msg::FAILED_MAIL_NONE)}</p> }.into_any(),
                Some(Ok(mails)) => view! {
                    <ul class="closure-list">
                        {mails.into_iter().map(|m| {
                            let id = m.id;
                            let at = m.created_at;
                            view! {
                                <li>
                                    <span>{move || format_datetime(&at, i18n.get())}</span> " "
                                    <span>{m.to}</span> " " <span>{m.subject}</span> " "
                                    <span class="muted">{m.last_error.unwrap_or_default()}</span> " "
                                    <button type="button" class="link" on:click=move |_| { retry.dispatch(id); }>
                                        {i18n.t(msg::FAILED_MAIL_RETRY)}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Closures(on_change: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(list_closures);
    let day = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let add = Action::new(|input: &ClosureInput| add_closure(input.clone()));
    let remove = Action::new(|day: &String| remove_closure(day.clone()));
    Effect::new(move |_| {
        let results = [add.value().get(), remove.value().get()];
        for result in results.into_iter().flatten() {
            match result {
                Ok(()) => {
                    problem.set(None);
                    day.set(String::new());
                    note.set(String::new());
                    list.refetch();
                    on_change();
                }
                Err(e) => problem.set(Some(e)),
            }
        }
    });
    let field =
        move |name: &'static str| Signal::derive(move || problem.get().and_then(|p| p.field_message(name, i18n.get())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = ClosureInput { day: day.get_untracked(), note: note.get_untracked() };
        match input.validate() {
            Ok(_) => {
                add.dispatch(input);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <section class="card" aria-labelledby="closures-title">
            <h2 id="closures-title">{i18n.t(msg::CLOSURES_TITLE)}</h2>
            <p class="muted">{i18n.t(msg::CLOSURES_HELP)}</p>
            <form on:submit=submit class="inline-form" novalidate>
                <FormProblem problem=problem.into() />
                <TextField id="closure-day" label=msg::CLOSURE_DATE value=day input_type="date" error=field("day") />
                <TextField id="closure-note" label=msg::CLOSURE_NOTE value=note error=field("note") max_chars=100 />
                <button type="submit" class="primary">{i18n.t(msg::ADD)}</button>
            </form>
            {move || match list.get() {
                Some(Ok(days)) if days.is_empty() => view! { <p class="muted">{i18n.t(msg::NONE_YET)}</p> }.into_any(),
                Some(Ok(days)) => view! {
                    <ul class="closure-list">
                        {days.into_iter().map(|c| {
                            let key = c.day.format("%Y-%m-%d").to_string();
                            let label = key.clone();
                            view! {
                                <li>
                                    <span>{label}</span> " " <span>{c.note}</span> " "
                                    <button type="button" class="link" on:click=move |_| { remove.dispatch(key.clone()); }>
                                        {i18n.t(msg::REMOVE)}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
            }}
        </section>
    }
}
