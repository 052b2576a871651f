//! Saved views above the inbox: each a button with its count that applies the view's filters,
//! and a form that saves the filters in use under a name (shared with everyone by supervisors).
use crate::auth::use_session;
use crate::contact::views::api::{delete_view, save_view, saved_views};
use crate::contact::views::{SavedView, ViewInput, VIEW_NAME_MAX};
use crate::contact::InboxFilter;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::TextField;
use leptos::prelude::*;

type Views = Result<Vec<SavedView>, AppError>;

#[component]
pub fn SavedViews(filter: RwSignal<InboxFilter>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let supervisor = move || session.user().is_some_and(|u| u.is_supervisor());
    let loaded = LocalResource::new(saved_views);
    // What a save or delete answered (the list with fresh counts), else what was loaded.
    let latest = RwSignal::new(None::<Views>);
    let name = RwSignal::new(String::new());
    let shared = RwSignal::new(false);
    let problem = RwSignal::new(None::<AppError>);
    let save = Action::new(|input: &ViewInput| save_view(input.clone()));
    let delete = Action::new(|id: &i64| delete_view(*id));
    for done in [save.value(), delete.value()] {
        Effect::new(move |_| match done.get() {
            Some(Ok(list)) => {
                problem.set(None);
                name.set(String::new());
                latest.set(Some(Ok(list)));
            }
            Some(Err(e)) => problem.set(Some(e)),
            None => {}
        });
    }
    // Counts follow the desk: asked again whenever the filters change (an action on the list).
    Effect::new(move |first: Option<()>| {
        filter.track();
        if first.is_some() {
            latest.set(None);
            loaded.refetch();
        }
    });
    let views = move || latest.get().or_else(|| loaded.get());
    let name_error = Signal::derive(move || problem.get().and_then(|p| p.field_message("name", i18n.get())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = ViewInput {
            name: name.get_untracked(),
            shared: shared.get_untracked(),
            filter: filter.get_untracked().first_page(),
        };
        match input.name() {
            Ok(_) => {
                save.dispatch(input);
            }
            Err(e) => problem.set(Some(AppError::field("name", e))),
        }
    };
    view! {
        <section class="card saved-views" aria-labelledby="views-title">
            <h2 id="views-title">{i18n.t(msg::VIEWS_TITLE)}</h2>
            {move || match views() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="muted">{i18n.t(msg::VIEWS_NONE)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="view-list">
                        {list.into_iter().map(|v| {
                            let applied = StoredValue::new(v.filter.clone());
                            let removable = v.mine || (v.shared && supervisor());
                            let id = v.id;
                            let named = v.name.clone();
                            view! {
                                <li>
                                    <button type="button" class="view-button"
                                        aria-pressed=move || applied.with_value(|a| filter.with(|f| f.first_page() == *a)).to_string()
                                        on:click=move |_| filter.set(applied.get_value())>
                                        {v.name.clone()} " " <span class="badge">{v.count}</span>
                                    </button>
                                    {v.shared.then(|| view! { " " <span class="muted">{i18n.t(msg::VIEW_SHARED_BADGE)}</span> })}
                                    {removable.then(|| view! {
                                        " " <button type="button" class="link" aria-label=move || format!("{}: {named}", msg::VIEW_DELETE.get(i18n.get()))
                                            on:click=move |_| { delete.dispatch(id); }>"×"</button>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <form class="inline-form" on:submit=submit novalidate>
                <TextField id="view-name" label=msg::VIEW_NAME value=name error=name_error max_chars=VIEW_NAME_MAX />
                {move || supervisor().then(|| view! {
                    <label class="choice">
                        <input type="checkbox" prop:checked=shared on:change=move |ev| shared.set(event_target_checked(&ev)) />
                        <span>{i18n.t(msg::VIEW_SHARED)}</span>
                    </label>
                })}
                <button type="submit" disabled=move || save.pending().get()>{i18n.t(msg::VIEW_SAVE)}</button>
            </form>
        </section>
    }
}
