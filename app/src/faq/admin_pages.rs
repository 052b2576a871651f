//! Staff pages: `/admin/faq` (list with figures, order, publish) and `/admin/faq/:id` (editor;
//! `new` creates).
use super::api::{faq_home, faq_source, faq_stats, move_faq_article, preview_markdown, save_faq_article};
use super::ArticleInput;
use crate::admin::StaffGate;
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use crate::shell::form::{FormProblem, TextField};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

#[component]
pub fn FaqAdminPage() -> impl IntoView {
    view! { <StaffGate><FaqAdmin /></StaffGate> }
}

#[component]
fn FaqAdmin() -> impl IntoView {
    let i18n = use_i18n();
    let stats = LocalResource::new(faq_stats);
    let reorder = Action::new(|(id, up): &(i64, bool)| move_faq_article(*id, *up));
    Effect::new(move |_| {
        if reorder.value().get().is_some() {
            stats.refetch();
        }
    });
    view! {
        <section aria-labelledby="faq-admin-title">
            <p><A href="/admin">"← " {i18n.t(msg::ADMIN_TITLE)}</A></p>
            <h1 id="faq-admin-title">{i18n.t(msg::FAQ_ADMIN_TITLE)}</h1>
            <p><A href="/admin/faq/new" attr:class="button-link">{i18n.t(msg::FAQ_NEW)}</A></p>
            <crate::parent::HintDeflections />
            {move || match stats.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(rows)) => view! {
                    <div class="table-wrap">
                        <table>
                            <thead><tr>
                                <th scope="col">{i18n.t(msg::CATEGORY)}</th>
                                <th scope="col">{i18n.t(msg::FAQ_TITLE_JA)}</th>
                                <th scope="col">{i18n.t(msg::STATUS)}</th>
                                <th scope="col">{i18n.t(msg::FAQ_VIEWS)}</th>
                                <th scope="col">{i18n.t(msg::FAQ_HELPFUL_COUNTS)}</th>
                                <th scope="col">{i18n.t(msg::FAQ_DEFLECTIONS)}</th>
                                <th scope="col"><span class="sr-only">{i18n.t(msg::FAQ_MOVE_UP)}</span></th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| {
                                    let id = r.id;
                                    view! {
                                        <tr>
                                            <td>{r.category_id}</td>
                                            <td><A href=format!("/admin/faq/{id}")>{r.title_ja}</A></td>
                                            <td>{if r.published { i18n.t(msg::FAQ_PUBLISHED) } else { i18n.t(msg::FAQ_DRAFT) }}</td>
                                            <td>{r.views}</td>
                                            <td>{r.helpful_yes} " / " {r.helpful_no}</td>
                                            <td>{r.deflections}</td>
                                            <td class="nowrap">
                                                <button type="button" on:click=move |_| { reorder.dispatch((id, true)); }>{i18n.t(msg::FAQ_MOVE_UP)}</button>
                                                " "
                                                <button type="button" on:click=move |_| { reorder.dispatch((id, false)); }>{i18n.t(msg::FAQ_MOVE_DOWN)}</button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
pub fn FaqEditPage() -> impl IntoView {
    view! { <StaffGate><FaqEdit /></StaffGate> }
}

#[component]
fn FaqEdit() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
    let source = LocalResource::new(move || async move {
        match id() {
            Some(id) => faq_source(id).await.map(|s| s.input),
            None => Ok(ArticleInput { published: true, category_id: "points".into(), ..Default::default() }),
        }
    });
    move || match source.get() {
        None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
        Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
        Some(Ok(input)) => view! { <Editor input=input /> }.into_any(),
    }
}

#[component]
fn Editor(input: ArticleInput) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let home = LocalResource::new(move || faq_home(i18n.get()));
    let article_id = input.id;
    let category = RwSignal::new(input.category_id);
    let title_ja = RwSignal::new(input.title_ja);
    let title_en = RwSignal::new(input.title_en);
    let body_ja = RwSignal::new(input.body_ja);
    let body_en = RwSignal::new(input.body_en);
    let published = RwSignal::new(input.published);
    let problem = RwSignal::new(None::<AppError>);
    let preview_html = RwSignal::new(None::<String>);
    let save = Action::new(|input: &ArticleInput| save_faq_article(input.clone()));
    let preview = Action::new(|md: &String| preview_markdown(md.clone()));
    Effect::new(move |_| match save.value().get() {
        Some(Ok(_)) => navigate("/admin/faq", NavigateOptions::default()),
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    Effect::new(move |_| {
        if let Some(Ok(html)) = preview.value().get() {
            preview_html.set(Some(html));
        }
    });
    let field =
        move |name: &'static str| Signal::derive(move || problem.get().and_then(|p| p.field_message(name, i18n.get())));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = ArticleInput {
            id: article_id,
            category_id: category.get_untracked(),
            title_ja: title_ja.get_untracked(),
            title_en: title_en.get_untracked(),
            body_ja: body_ja.get_untracked(),
            body_en: body_en.get_untracked(),
            published: published.get_untracked(),
        };
        match input.validate() {
            Ok(_) => {
                save.dispatch(input);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <section>
            <p><A href="/admin/faq">"← " {i18n.t(msg::FAQ_ADMIN_TITLE)}</A></p>
            <h1>{if article_id.is_some() { i18n.t(msg::FAQ_EDIT) } else { i18n.t(msg::FAQ_NEW) }}</h1>
            <form class="card" on:submit=submit novalidate>
                <FormProblem problem=problem.into() />
                <div class="field">
                    <label for="faq-category">{i18n.t(msg::CATEGORY)}</label>
                    <select id="faq-category" on:change=move |ev| category.set(event_target_value(&ev))>
                        {move || home.get().and_then(Result::ok).map(|h| h.categories).unwrap_or_default().into_iter().map(|c| {
                            let value = c.id.clone();
                            view! { <option value=c.id selected=move || category.get() == value>{c.name.get(i18n.get()).to_owned()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <TextField id="title_ja" label=msg::FAQ_TITLE_JA value=title_ja error=field("title_ja") max_chars=super::TITLE_MAX />
                <TextField id="title_en" label=msg::FAQ_TITLE_EN value=title_en error=field("title_en") max_chars=super::TITLE_MAX />
                <TextField id="body_ja" label=msg::FAQ_BODY_JA value=body_ja error=field("body_ja") multiline=true max_chars=super::BODY_MAX />
                <TextField id="body_en" label=msg::FAQ_BODY_EN value=body_en error=field("body_en") multiline=true max_chars=super::BODY_MAX />
                <label class="choice">
                    <input type="checkbox" prop:checked=move || published.get() on:change=move |ev| published.set(event_target_checked(&ev)) />
                    <span>{i18n.t(msg::FAQ_PUBLISH)}</span>
                </label>
                <div class="actions">
                    <button type="button" on:click=move |_| { preview.dispatch(body_ja.get_untracked()); }>{i18n.t(msg::FAQ_PREVIEW)}</button>
                    <button type="submit" class="primary" disabled=move || save.pending().get()>{i18n.t(msg::SAVE)}</button>
                </div>
            </form>
            {move || preview_html.get().map(|html| view! {
                <section class="card" aria-labelledby="preview-title">
                    <h2 id="preview-title">{i18n.t(msg::FAQ_PREVIEW)}</h2>
                    // Sanitized on the server.
                    <div class="article-body" inner_html=html></div>
                </section>
            })}
        </section>
    }
}
