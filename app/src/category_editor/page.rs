//! `/admin/categories` (supervisors): the list with order, retire/restore, and the editor for
//! one category (names, notices, fields). Problems from the shared validator are shown at each
//! input, and nothing typed is lost when saving fails.
use super::api::{list_categories, move_category, save_category, set_category_active};
use super::{check_category, CategoryEntry, FIELDS_MAX, NOTICES_MAX};
use crate::admin::SupervisorGate;
use crate::contact::{Category, ChoiceOption, FieldKind, FieldSpec, Localized, MESSAGE_MAX};
use crate::error::AppError;
use crate::i18n::{msg, use_i18n, Text};
use crate::shell::form::FormProblem;
use leptos::prelude::*;

#[component]
pub fn CategoriesPage() -> impl IntoView {
    view! { <SupervisorGate title=msg::CAT_TITLE><Categories /></SupervisorGate> }
}

/// What the editor is working on: a new category, or an existing one by id.
#[derive(Clone, PartialEq)]
struct Editing {
    new: bool,
    draft: RwSignal<Category>,
}

fn blank() -> Category {
    Category {
        id: String::new(),
        name: Localized::new("", ""),
        notices: Vec::new(),
        fields: vec![FieldSpec {
            key: "message".into(),
            label: Localized::new("お問い合わせ内容", "Your message"),
            help: None,
            kind: FieldKind::Multiline { max: MESSAGE_MAX },
            required: true,
        }],
    }
}

#[component]
fn Categories() -> impl IntoView {
    let i18n = use_i18n();
    let entries = LocalResource::new(list_categories);
    let problem = RwSignal::new(None::<AppError>);
    let saved = RwSignal::new(false);
    let editing = RwSignal::new(None::<Editing>);
    let shift = Action::new(|(id, up): &(String, bool)| move_category(id.clone(), *up));
    let toggle = Action::new(|(id, on): &(String, bool)| set_category_active(id.clone(), *on));
    let save = Action::new(|(c, new): &(Category, bool)| save_category(c.clone(), *new));
    Effect::new(move |_| {
        for result in [shift.value().get(), toggle.value().get()].into_iter().flatten() {
            problem.set(result.err());
            entries.refetch();
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(())) => {
            problem.set(None);
            saved.set(true);
            editing.set(None);
            entries.refetch();
        }
        Some(Err(e)) => problem.set(Some(e)),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(e) = editing.get_untracked() else { return };
        saved.set(false);
        // The same check the server makes, before the round trip.
        match check_category(&e.draft.get_untracked()) {
            Ok(category) => {
                save.dispatch((category, e.new));
            }
            Err(err) => problem.set(Some(err)),
        }
    };
    let open = move |category: Category, new: bool| {
        problem.set(None);
        saved.set(false);
        editing.set(Some(Editing { new, draft: RwSignal::new(category) }));
    };
    let row = move |entry: CategoryEntry| {
        let id = entry.category.id.clone();
        let (up_id, down_id, toggle_id) = (id.clone(), id.clone(), id.clone());
        let category = entry.category.clone();
        let active = entry.active;
        view! {
            <tr class=if active { "" } else { "inactive" }>
                <td>{move || entry.category.name.get(i18n.get()).to_owned()}</td>
                <td><code>{id.clone()}</code></td>
                <td>{entry.inquiries}</td>
                <td>{if active { i18n.t(msg::CAT_ACTIVE) } else { i18n.t(msg::CAT_RETIRED) }}</td>
                <td class="actions-cell">
                    <button type="button" class="link" aria-label=move || format!("{} {}", msg::CAT_UP.get(i18n.get()), up_id)
                        on:click={ let id = id.clone(); move |_| { shift.dispatch((id.clone(), true)); } }>"↑"</button>
                    <button type="button" class="link" aria-label=move || format!("{} {}", msg::CAT_DOWN.get(i18n.get()), down_id)
                        on:click={ let id = id.clone(); move |_| { shift.dispatch((id.clone(), false)); } }>"↓"</button>
                    " "
                    <button type="button" class="link" on:click=move |_| open(category.clone(), false)>{i18n.t(msg::CAT_EDIT)}</button>
                    " "
                    <button type="button" class="link" on:click=move |_| { toggle.dispatch((toggle_id.clone(), !active)); }>
                        {if active { i18n.t(msg::CAT_RETIRE) } else { i18n.t(msg::CAT_RESTORE) }}
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <section aria-labelledby="categories-title">
            <h1 id="categories-title">{i18n.t(msg::CAT_TITLE)}</h1>
            <p class="muted">{i18n.t(msg::CAT_LEAD)}</p>
            <FormProblem problem=problem.into() />
            {move || saved.get().then(|| view! { <p class="notice" role="status">{i18n.t(msg::SAVED)}</p> })}
            {move || match entries.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <table class="table">
                        <thead><tr>
                            <th>{i18n.t(msg::CAT_NAME)}</th><th>{i18n.t(msg::CAT_ID)}</th><th>{i18n.t(msg::CAT_INQUIRIES)}</th>
                            <th>{i18n.t(msg::STATUS)}</th><th></th>
                        </tr></thead>
                        <tbody>{list.into_iter().map(row).collect_view()}</tbody>
                    </table>
                }.into_any(),
            }}
            <p><button type="button" on:click=move |_| open(blank(), true)>{i18n.t(msg::CAT_ADD)}</button></p>
            {move || editing.get().map(|e| view! {
                <form class="card category-editor" on:submit=submit novalidate>
                    <Editor draft=e.draft new=e.new problem=problem />
                    <div class="actions">
                        <button type="submit" class="primary" disabled=move || save.pending().get()>{i18n.t(msg::SAVE)}</button>
                        <button type="button" on:click=move |_| { editing.set(None); problem.set(None); }>{i18n.t(msg::CAT_CANCEL)}</button>
                    </div>
                </form>
            })}
        </section>
    }
}

/// The message for form field `name`, if the last check or save named it.
fn error_for(problem: RwSignal<Option<AppError>>, name: String) -> impl Fn() -> Option<String> + Copy + Send + Sync {
    let i18n = use_i18n();
    let name = StoredValue::new(name);
    move || problem.with(|p| p.as_ref().and_then(|p| name.with_value(|n| p.field_message(n, i18n.get()))))
}

/// One labelled one-line input bound to a part of the draft.
#[component]
fn Line(
    id: String,
    label: Text,
    #[prop(into)] value: Signal<String>,
    set: impl Fn(String) + Send + Sync + 'static,
    error: impl Fn() -> Option<String> + Copy + Send + Sync + 'static,
    #[prop(optional)] readonly: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.t(label)}</label>
            <input id=id type="text" readonly=readonly prop:value=move || value.get() on:input=move |ev| set(event_target_value(&ev))
                aria-invalid=move || if error().is_some() { "true" } else { "false" } aria-describedby=error_id.clone() />
            <p class="error" id=error_id>{error}</p>
        </div>
    }
}

#[component]
fn Editor(draft: RwSignal<Category>, new: bool, problem: RwSignal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let notices = Memo::new(move |_| draft.with(|d| d.notices.len()));
    let fields = Memo::new(move |_| draft.with(|d| d.fields.len()));
    view! {
        <h2>{if new { i18n.t(msg::CAT_ADD) } else { i18n.t(msg::CAT_EDIT) }}</h2>
        <p class="muted">{i18n.t(msg::CAT_PAST_KEPT)}</p>
        <Line id="cat-id".into() label=msg::CAT_ID readonly=!new value=Signal::derive(move || draft.with(|d| d.id.clone()))
            set=move |v| draft.update(|d| d.id = v) error=error_for(problem, "id".into()) />
        <Line id="cat-name-ja".into() label=msg::CAT_NAME_JA value=Signal::derive(move || draft.with(|d| d.name.ja.clone()))
            set=move |v| draft.update(|d| d.name.ja = v) error=error_for(problem, "name_ja".into()) />
        <Line id="cat-name-en".into() label=msg::CAT_NAME_EN value=Signal::derive(move || draft.with(|d| d.name.en.clone()))
            set=move |v| draft.update(|d| d.name.en = v) error=error_for(problem, "name_en".into()) />
        <fieldset>
            <legend>{i18n.t(msg::CAT_NOTICES)}</legend>
            <p class="error">{error_for(problem, "notices".into())}</p>
            {move || (0..notices.get()).map(|i| view! { <NoticeEditor draft=draft i=i problem=problem /> }).collect_view()}
            <button type="button" disabled={move || notices.get() >= NOTICES_MAX}
                on:click=move |_| draft.update(|d| d.notices.push(Localized::new("", "")))>{i18n.t(msg::CAT_NOTICE_ADD)}</button>
        </fieldset>
        <fieldset>
            <legend>{i18n.t(msg::CAT_FIELDS)}</legend>
            <p class="error">{error_for(problem, "fields".into())}</p>
            {move || (0..fields.get()).map(|i| view! { <FieldEditor draft=draft i=i problem=problem /> }).collect_view()}
            <button type="button" disabled={move || fields.get() >= FIELDS_MAX} on:click=move |_| draft.update(|d| {
                let n = d.fields.len() + 1;
                d.fields.push(FieldSpec {
                    key: format!("field{n}"),
                    label: Localized::new("", ""),
                    help: None,
                    kind: FieldKind::Line { max: 100 },
                    required: false,
                });
            })>{i18n.t(msg::CAT_FIELD_ADD)}</button>
        </fieldset>
    }
}

#[component]
fn NoticeEditor(draft: RwSignal<Category>, i: usize, problem: RwSignal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let get = move |en: bool| {
        draft.with(|d| d.notices.get(i).map(|n| if en { n.en.clone() } else { n.ja.clone() }).unwrap_or_default())
    };
    let set = move |en: bool, v: String| {
        draft.update(|d| {
            if let Some(n) = d.notices.get_mut(i) {
                if en {
                    n.en = v
                } else {
                    n.ja = v
                }
            }
        })
    };
    let (ja_error, en_error) =
        (error_for(problem, format!("notice.{i}_ja")), error_for(problem, format!("notice.{i}_en")));
    view! {
        <div class="notice-editor">
            <div class="field">
                <label for=format!("notice-{i}-ja")>{i18n.t(msg::CAT_NOTICE_JA)} " " {i + 1}</label>
                <textarea id=format!("notice-{i}-ja") rows="2" prop:value=move || get(false) on:input=move |ev| set(false, event_target_value(&ev))></textarea>
                <p class="error">{ja_error}</p>
            </div>
            <div class="field">
                <label for=format!("notice-{i}-en")>{i18n.t(msg::CAT_NOTICE_EN)} " " {i + 1}</label>
                <textarea id=format!("notice-{i}-en") rows="2" prop:value=move || get(true) on:input=move |ev| set(true, event_target_value(&ev))></textarea>
                <p class="error">{en_error}</p>
            </div>
            <button type="button" class="link" on:click={move |_| draft.update(|d| { if i < d.notices.len() { d.notices.remove(i); } })}>
                {i18n.t(msg::REMOVE)}
            </button>
        </div>
    }
}

/// `value|日本語|English` per line, for a choice field's options.
fn choices_text(options: &[ChoiceOption]) -> String {
    options.iter().map(|o| format!("{}|{}|{}", o.value, o.label.ja, o.label.en)).collect::<Vec<_>>().join("\n")
}

fn parse_choices(text: &str) -> Vec<ChoiceOption> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.splitn(3, '|').map(str::trim);
            let value = parts.next().unwrap_or_default().to_owned();
            let ja = parts.next().unwrap_or_default().to_owned();
            let en = parts.next().unwrap_or_default().to_owned();
            ChoiceOption { value, label: Localized { ja, en } }
        })
        .collect()
}

const KINDS: [(&str, Text); 5] = [
    ("line", msg::CAT_KIND_LINE),
    ("multiline", msg::CAT_KIND_MULTILINE),
    ("date", msg::CAT_KIND_DATE),
    ("amount", msg::CAT_KIND_AMOUNT),
    ("choice", msg::CAT_KIND_CHOICE),
];

fn kind_name(kind: &FieldKind) -> &'static str {
    match kind {
        FieldKind::Line { .. } => "line",
        FieldKind::Multiline { .. } => "multiline",
        FieldKind::Date => "date",
        FieldKind::Amount => "amount",
        FieldKind::Choice { .. } => "choice",
    }
}

#[component]
fn FieldEditor(draft: RwSignal<Category>, i: usize, problem: RwSignal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let edit = move |f: &dyn Fn(&mut FieldSpec)| {
        draft.update(|d| {
            if let Some(field) = d.fields.get_mut(i) {
                f(field)
            }
        })
    };
    let read = move |f: &dyn Fn(&FieldSpec) -> String| draft.with(|d| d.fields.get(i).map(f).unwrap_or_default());
    let kind = Memo::new(move |_| read(&|f| kind_name(&f.kind).to_owned()));
    // The options' text is kept as typed; the draft gets the parsed options.
    let choices = RwSignal::new(draft.with_untracked(|d| match d.fields.get(i).map(|f| &f.kind) {
        Some(FieldKind::Choice { options }) => choices_text(options),
        _ => String::new(),
    }));
    let at = format!("field.{i}");
    view! {
        <fieldset class="field-editor">
            <legend>{i18n.t(msg::CAT_FIELD)} " " {i + 1}</legend>
            <Line id=format!("field-{i}-key") label=msg::CAT_FIELD_KEY value=Signal::derive(move || read(&|f| f.key.clone()))
                set=move |v| edit(&|f| f.key = v.clone()) error=error_for(problem, format!("{at}.key")) />
            <Line id=format!("field-{i}-label-ja") label=msg::CAT_NAME_JA value=Signal::derive(move || read(&|f| f.label.ja.clone()))
                set=move |v| edit(&|f| f.label.ja = v.clone()) error=error_for(problem, format!("{at}.label_ja")) />
            <Line id=format!("field-{i}-label-en") label=msg::CAT_NAME_EN value=Signal::derive(move || read(&|f| f.label.en.clone()))
                set=move |v| edit(&|f| f.label.en = v.clone()) error=error_for(problem, format!("{at}.label_en")) />
            <div class="field">
                <label for=format!("field-{i}-kind")>{i18n.t(msg::CAT_FIELD_KIND)}</label>
                <select id=format!("field-{i}-kind") on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    let options = parse_choices(&choices.get_untracked());
                    edit(&|f| f.kind = match chosen.as_str() {
                        "multiline" => FieldKind::Multiline { max: MESSAGE_MAX },
                        "date" => FieldKind::Date,
                        "amount" => FieldKind::Amount,
                        "choice" => FieldKind::Choice { options: options.clone() },
                        _ => FieldKind::Line { max: 100 },
                    });
                }>
                    {KINDS.into_iter().map(|(value, label)| view! {
                        <option value=value selected=move || kind.get() == value>{i18n.t(label)}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || matches!(kind.get().as_str(), "line" | "multiline").then(|| view! {
                <div class="field">
                    <label for=format!("field-{i}-max")>{i18n.t(msg::CAT_FIELD_MAX)}</label>
                    <input id=format!("field-{i}-max") type="number" min="1"
                        prop:value=move || read(&|f| match f.kind { FieldKind::Line { max } | FieldKind::Multiline { max } => max.to_string(), _ => String::new() })
                        on:input=move |ev| {
                            let max = event_target_value(&ev).trim().parse::<usize>().unwrap_or(0);
                            edit(&|f| match &mut f.kind { FieldKind::Line { max: m } | FieldKind::Multiline { max: m } => *m = max, _ => {} });
                        } />
                    <p class="error">{error_for(problem, format!("field.{i}.max"))}</p>
                </div>
            })}
            {move || (kind.get() == "choice").then(|| view! {
                <div class="field">
                    <label for=format!("field-{i}-choices")>{i18n.t(msg::CAT_FIELD_CHOICES)}</label>
                    <textarea id=format!("field-{i}-choices") rows="4" prop:value=move || choices.get() on:input=move |ev| {
                        choices.set(event_target_value(&ev));
                        let options = parse_choices(&choices.get_untracked());
                        edit(&|f| f.kind = FieldKind::Choice { options: options.clone() });
                    }></textarea>
                    <p class="error">{move || {
                        // Any problem with this field's options, shown once under the list.
                        let prefix = format!("field.{i}.choice");
                        problem.with(|p| match p {
                            Some(AppError::Validation(list)) => list.iter().find(|e| e.field.starts_with(&prefix))
                                .map(|e| format!("{}: {}", e.field.trim_start_matches(&format!("field.{i}.")), e.error.message(i18n.get()))),
                            _ => None,
                        })
                    }}</p>
                </div>
            })}
            <label class="choice">
                <input type="checkbox" prop:checked=move || draft.with(|d| d.fields.get(i).is_some_and(|f| f.required))
                    on:change=move |ev| { let on = event_target_checked(&ev); edit(&|f| f.required = on); } />
                <span>{i18n.t(msg::CAT_FIELD_REQUIRED)}</span>
            </label>
            <div class="actions">
                <button type="button" class="link" disabled={i == 0} on:click={move |_| draft.update(|d| { if i > 0 && i < d.fields.len() { d.fields.swap(i - 1, i); } })}>
                    {i18n.t(msg::CAT_UP)}
                </button>
                <button type="button" class="link" on:click={move |_| draft.update(|d| { if i < d.fields.len() { d.fields.remove(i); } })}>
                    {i18n.t(msg::REMOVE)}
                </button>
            </div>
        </fieldset>
    }
}
