//! `/admin/figures`: the desk's figures for a period.
use super::api::get_desk_figures;
use super::charts::{BacklogChart, Heatmap};
use super::{DeskGroup, Spread};
use crate::admin::StaffGate;
use crate::i18n::{msg, use_i18n, Lang, Text};
use chrono::NaiveDate;
use leptos::prelude::*;

/// Business minutes as hours and minutes ("2時間5分", "2h 5m").
fn duration(minutes: Option<i64>, lang: Lang) -> String {
    let Some(m) = minutes else { return "—".into() };
    match (m / 60, m % 60, lang) {
        (0, m, Lang::Ja) => format!("{m}分"),
        (h, m, Lang::Ja) => format!("{h}時間{m}分"),
        (0, m, Lang::En) => format!("{m}m"),
        (h, m, Lang::En) => format!("{h}h {m}m"),
    }
}

fn percent(v: Option<f64>) -> String {
    v.map(|v| format!("{:.1}%", v * 100.0)).unwrap_or_else(|| "—".into())
}

#[component]
pub fn DeskFiguresPage() -> impl IntoView {
    view! { <StaffGate><DeskFigures /></StaffGate> }
}

/// One table: a row per group with its counts and times.
#[component]
fn GroupTable(caption: Text, groups: Vec<DeskGroup>) -> impl IntoView {
    let i18n = use_i18n();
    let spread = move |s: Spread| {
        view! {
            <td>{move || duration(s.p50, i18n.get())}</td>
            <td>{move || duration(s.p90, i18n.get())}</td>
        }
    };
    view! {
        <div class="table-wrap"><table class="figures">
            <caption>{i18n.t(caption)}</caption>
            <thead>
                <tr><th scope="col" rowspan="2"></th><th scope="col" rowspan="2">{i18n.t(msg::FIGURES_RECEIVED)}</th>
                    <th scope="colgroup" colspan="2">{i18n.t(msg::FIGURES_FIRST_RESPONSE)}</th>
                    <th scope="col" rowspan="2">{i18n.t(msg::FIGURES_PROMISE)}</th>
                    <th scope="colgroup" colspan="2">{i18n.t(msg::FIGURES_RESOLUTION)}</th>
                    <th scope="col" rowspan="2">{i18n.t(msg::FIGURES_REOPENED)}</th></tr>
                <tr><th scope="col">{i18n.t(msg::FIGURES_P50)}</th><th scope="col">{i18n.t(msg::FIGURES_P90)}</th>
                    <th scope="col">{i18n.t(msg::FIGURES_P50)}</th><th scope="col">{i18n.t(msg::FIGURES_P90)}</th></tr>
            </thead>
            <tbody>{groups.into_iter().map(|g| {
                let label = g.label.clone();
                view! {
                    <tr>
                        <th scope="row">{move || label.get(i18n.get()).to_owned()}</th>
                        <td>{g.received}</td>
                        {spread(g.first_response)}
                        <td>{percent(g.within_promise)}</td>
                        {spread(g.resolution)}
                        <td>{g.reopened}</td>
                    </tr>
                }
            }).collect_view()}</tbody>
        </table></div>
    }
}

#[component]
fn DeskFigures() -> impl IntoView {
    let i18n = use_i18n();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let range = RwSignal::new((None::<NaiveDate>, None::<NaiveDate>));
    let data = LocalResource::new(move || {
        let (f, t) = range.get();
        get_desk_figures(f, t)
    });
    let parse = |s: String| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok();
    view! {
        <section aria-labelledby="figures-title">
            <p><a href="/admin/insights">"← " {i18n.t(msg::INSIGHTS_TITLE)}</a></p>
            <h1 id="figures-title">{i18n.t(msg::FIGURES_TITLE)}</h1>
            <p class="muted">{i18n.t(msg::FIGURES_HELP)}</p>
            <form class="filters card" on:submit=move |ev| { ev.prevent_default(); range.set((parse(from.get_untracked()), parse(to.get_untracked()))); }>
                <div class="field"><label for="from">{i18n.t(msg::PERIOD_FROM)}</label>
                    <input id="from" type="date" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev)) /></div>
                <div class="field"><label for="to">{i18n.t(msg::PERIOD_TO)}</label>
                    <input id="to" type="date" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev)) /></div>
                <button type="submit">{i18n.t(msg::SHOW)}</button>
            </form>
            {move || match data.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                // A bad period says what is wrong with it (the dates typed stay in the form).
                Some(Err(e)) => view! {
                    <p role="alert">{move || {
                        let lang = i18n.get();
                        if e.field_message("period", lang).is_some() {
                            return msg::FIGURES_PERIOD_TOO_LONG.get(lang).to_owned();
                        }
                        e.field_message("from", lang).or_else(|| e.field_message("to", lang)).unwrap_or_else(|| e.message(lang))
                    }}</p>
                }.into_any(),
                Some(Ok(d)) => {
                    let o = &d.overall;
                    let (received, reopened, promise) = (o.received, o.reopened, o.within_promise);
                    let (first, resolution) = (o.first_response, o.resolution);
                    view! {
                        <p class="muted" data-period=format!("{}/{}", d.from, d.to)>{d.from.to_string()} " – " {d.to.to_string()}</p>
                        <div class="stats" data-testid="figures-overall">
                            <div class="stat"><h2>{i18n.t(msg::FIGURES_RECEIVED)}</h2><p class="big">{received}</p></div>
                            <div class="stat"><h2>{i18n.t(msg::FIGURES_FIRST_RESPONSE)}</h2>
                                <p class="big">{move || duration(first.p50, i18n.get())}</p>
                                <p class="muted">{i18n.t(msg::FIGURES_P90)} " " {move || duration(first.p90, i18n.get())}</p></div>
                            <div class="stat"><h2>{i18n.t(msg::FIGURES_PROMISE)}</h2><p class="big">{percent(promise)}</p></div>
                            <div class="stat"><h2>{i18n.t(msg::FIGURES_RESOLUTION)}</h2>
                                <p class="big">{move || duration(resolution.p50, i18n.get())}</p>
                                <p class="muted">{i18n.t(msg::FIGURES_P90)} " " {move || duration(resolution.p90, i18n.get())}</p></div>
                            <div class="stat"><h2>{i18n.t(msg::FIGURES_REOPENED)}</h2><p class="big">{reopened}</p></div>
                        </div>
                        {(received == 0).then(|| view! { <p class="muted">{i18n.t(msg::FIGURES_NONE)}</p> })}
                        <section class="card"><GroupTable caption=msg::FIGURES_BY_CATEGORY groups=d.per_category /></section>
                        <section class="card"><GroupTable caption=msg::FIGURES_BY_AGENT groups=d.per_agent /></section>
                        <section class="card"><GroupTable caption=msg::FIGURES_BY_WEEK groups=d.per_week /></section>
                        <section class="card" aria-labelledby="heatmap-title">
                            <h2 id="heatmap-title">{i18n.t(msg::FIGURES_HEATMAP)}</h2>
                            <Heatmap cells=d.heatmap />
                        </section>
                        <section class="card" aria-labelledby="backlog-title">
                            <h2 id="backlog-title">{i18n.t(msg::FIGURES_BACKLOG)}</h2>
                            <BacklogChart points=d.backlog />
                        </section>
                        <section class="card" aria-labelledby="incident-figures-title">
                            <h2 id="incident-figures-title">{i18n.t(msg::FIGURES_INCIDENTS)}</h2>
                            <div class="table-wrap"><table>
                                <thead><tr><th scope="col">{i18n.t(msg::INCIDENT_NAME)}</th><th scope="col">{i18n.t(msg::STATUS)}</th>
                                    <th scope="col">{i18n.t(msg::FIGURES_LINKED)}</th><th scope="col">{i18n.t(msg::FIGURES_ANSWERED)}</th></tr></thead>
                                <tbody>{d.incidents.into_iter().map(|n| view! {
                                    <tr><td><a href=format!("/admin/incidents/{}", n.id)>{n.title}</a></td>
                                        <td>{if n.open { i18n.t(msg::STATUS_IN_PROGRESS) } else { i18n.t(msg::INCIDENT_RESOLVED) }}</td>
                                        <td>{n.linked}</td><td>{n.answered}</td></tr>
                                }).collect_view()}</tbody>
                            </table></div>
                        </section>
                    }.into_any()
                }
            }}
        </section>
    }
}
