//! Supervisors keep the tag list here, below the inbox: create, rename, delete. Agents do not see
//! it (and the server refuses them anyway).
use crate::contact::tags::api::{change_tags, list_tags};
use crate::contact::tags::{Tag, TagChange, TagName, TAG_NAME_MAX};
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;

/// Bumped when the tag list changes, so every tag menu on the page (filters, bulk bar) reloads.
#[derive(Clone, Copy)]
pub struct TagsChanged(pub RwSignal<u32>);

/// The tag list, again whenever it changes on this page.
pub fn tag_list() -> LocalResource<Result<Vec<Tag>, AppError>> {
    let changed = use_context::<TagsChanged>();
    LocalResource::new(move || {
        if let Some(TagsChanged(n)) = changed {
            n.track();
        }
        list_tags()
    })
}

#[component]
pub fn TagAdmin() -> impl IntoView {
    let i18n = use_i18n();
    let loaded = LocalResource::new(list_tags);
    let latest = RwSignal::new(None::<Vec<Tag>>);
    let name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AppError>);
    let change = Action::new(|c: &TagChange| change_tags(c.clone()));
    let changed = use_context::<TagsChanged>();
    Effect::new(move |_| match change.value().get() {
        Some(Ok(list)) => {
            problem.set(None);
            name.set(String::new());
            latest.set(Some(list));
            if let Some(TagsChanged(n)) = changed {
                n.update(|n| *n += 1);
            }
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let tags = move || latest.get().or_else(|| loaded.get().and_then(Result::ok)).unwrap_or_default();
    let name_error = Signal::derive(move || problem.get().and_then(|p| p.field_message("name", i18n.get())));
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match TagName::parse(&name.get_untracked()) {
            Ok(n) => {
                change.dispatch(TagChange::Create { name: n.as_str().to_owned() });
            }
            Err(e) => problem.set(Some(AppError::field("name", e))),
        }
    };
    view! {
        <details class="card tag-admin">
            <summary>{i18n.t(msg::TAGS_MANAGE)}</summary>
            <FormProblem problem=problem.into() />
            <ul>
                {move || tags().into_iter().map(|t| {
                    let draft = RwSignal::new(t.name.clone());
                    let id = t.id;
                    view! {
                        <li class="inline-form">
                            <label class="sr-only" for=format!("tag-{id}")>{i18n.t(msg::TAGS)}</label>
                            <input id=format!("tag-{id}") type="text" maxlength=TAG_NAME_MAX prop:value=draft
                                on:input=move |ev| draft.set(event_target_value(&ev)) />
                            <button type="button" on:click=move |_| { change.dispatch(TagChange::Rename { id, name: draft.get_untracked() }); }>
                                {i18n.t(msg::TAG_RENAME)}
                            </button>
                            <button type="button" class="danger" on:click=move |_| { change.dispatch(TagChange::Delete { id }); }>
                                {i18n.t(msg::TAG_DELETE)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="inline-form" on:submit=create novalidate>
                <TextField id="tag-new" label=msg::TAG_NEW value=name error=name_error max_chars=TAG_NAME_MAX />
                <button type="submit" disabled=move || change.pending().get()>{i18n.t(msg::TAG_CREATE)}</button>
            </form>
        </details>
    }
}
