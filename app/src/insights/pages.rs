//! `/admin/insights` and `/admin/chat/transcript/:id`.
use super::api::{get_insights, get_transcript};
use super::{SurveyMetrics, WeekPoint};
use crate::admin::StaffGate;
use crate::calendar::format_datetime;
use crate::i18n::{msg, use_i18n};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

fn percent(v: Option<f64>) -> String {
    v.map(|v| format!("{:.1}%", v * 100.0)).unwrap_or_else(|| "—".into())
}

fn number(v: Option<f64>, unit: &str) -> String {
    v.map(|v| format!("{v:.1}{unit}")).unwrap_or_else(|| "—".into())
}

#[component]
pub fn InsightsPage() -> impl IntoView {
    view! { <StaffGate><Insights /></StaffGate> }
}

#[component]
fn Metrics(m: SurveyMetrics) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="stats">
            <div class="stat"><h3>{i18n.t(msg::CSAT)}</h3><p class="big">{percent(m.csat)}</p></div>
            <div class="stat"><h3>{i18n.t(msg::AVERAGE_SCORE)}</h3><p class="big">{number(m.average, "")}</p></div>
            <div class="stat"><h3>{i18n.t(msg::RESPONSE_RATE)}</h3><p class="big">{percent(m.response_rate)}</p></div>
            <div class="stat"><h3>{i18n.t(msg::ANSWERS)}</h3><p class="big">{m.answers}</p></div>
        </div>
    }
}

/// CSAT per week as bars, drawn by the app as SVG (no chart script).
#[component]
fn WeeklyChart(points: Vec<WeekPoint>) -> impl IntoView {
    let i18n = use_i18n();
    let (w, h, pad) = (640.0, 180.0, 24.0);
    let n = points.len().max(1) as f64;
    let bar = (w - 2.0 * pad) / n;
    view! {
        <svg class="chart" viewBox=format!("0 0 {w} {h}") role="img" aria-label=i18n.t(msg::WEEKLY_TREND)>
            <line x1=pad y1=h - pad x2=w - pad y2=h - pad stroke="#9ca3af" />
            {points.into_iter().enumerate().map(|(i, p)| {
                let value = p.csat.unwrap_or(0.0);
                let height = (h - 2.0 * pad) * value;
                let x = pad + i as f64 * bar + bar * 0.15;
                view! {
                    <g>
                        <rect x=x y=h - pad - height width=bar * 0.7 height=height fill="#c2410c">
                            <title>{format!("{} {} ({} )", p.week.format("%m/%d"), percent(p.csat), p.answers)}</title>
                        </rect>
                        <text x=x + bar * 0.35 y=h - 6.0 font-size="11" text-anchor="middle">{p.week.format("%m/%d").to_string()}</text>
                        <text x=x + bar * 0.35 y=h - pad - height - 4.0 font-size="11" text-anchor="middle">{percent(p.csat)}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}

#[component]
fn Insights() -> impl IntoView {
    let i18n = use_i18n();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let range = RwSignal::new((None::<NaiveDate>, None::<NaiveDate>));
    let data = LocalResource::new(move || {
        let (f, t) = range.get();
        get_insights(f, t)
    });
    let parse = |s: String| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok();
    let csv_href = move || {
        let (f, t) = range.get();
        let q: Vec<String> =
            [("from", f), ("to", t)].into_iter().filter_map(|(k, v)| v.map(|v| format!("{k}={v}"))).collect();
        format!("/api/insights/surveys.csv?{}", q.join("&"))
    };
    let inquiries_href = move || csv_href().replace("/api/insights/surveys.csv", "/api/admin/inquiries.csv");
    view! {
        <section aria-labelledby="insights-title">
            <p><A href="/admin">"← " {i18n.t(msg::ADMIN_TITLE)}</A></p>
            <h1 id="insights-title">{i18n.t(msg::INSIGHTS_TITLE)}</h1>
            <p><a href="/admin/figures">{i18n.t(msg::FIGURES_TITLE)} " →"</a></p>
            <form class="filters card" on:submit=move |ev| { ev.prevent_default(); range.set((parse(from.get_untracked()), parse(to.get_untracked()))); }>
                <div class="field"><label for="from">{i18n.t(msg::PERIOD_FROM)}</label>
                    <input id="from" type="date" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev)) /></div>
                <div class="field"><label for="to">{i18n.t(msg::PERIOD_TO)}</label>
                    <input id="to" type="date" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev)) /></div>
                <button type="submit">{i18n.t(msg::SHOW)}</button>
                <a href=csv_href download="madoguchi-surveys.csv">{i18n.t(msg::CSV_EXPORT)}</a>
                <a href=inquiries_href download="madoguchi-inquiries.csv">{i18n.t(msg::CSV_EXPORT_INQUIRIES)}</a>
            </form>
            {move || match data.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(d)) => view! {
                    <p class="muted">{d.from.to_string()} " – " {d.to.to_string()}</p>
                    <section class="card" aria-labelledby="csat-title">
                        <h2 id="csat-title">{i18n.t(msg::CSAT)}</h2>
                        <Metrics m=d.overall />
                        <h3>{i18n.t(msg::CSAT_BY_CHANNEL)}</h3>
                        <div class="table-wrap"><table class="csat-channels">
                            <thead><tr><th scope="col"></th><th scope="col">{i18n.t(msg::CSAT)}</th><th scope="col">{i18n.t(msg::AVERAGE_SCORE)}</th>
                                <th scope="col">{i18n.t(msg::RESPONSE_RATE)}</th><th scope="col">{i18n.t(msg::ANSWERS)}</th></tr></thead>
                            <tbody>
                                {[(msg::CHANNEL_CHAT, d.overall), (msg::CHANNEL_MAIL, d.mail.survey)].into_iter().map(|(name, m)| view! {
                                    <tr><th scope="row">{i18n.t(name)}</th><td>{percent(m.csat)}</td><td>{number(m.average, "")}</td>
                                        <td>{percent(m.response_rate)}</td><td>{m.answers}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table></div>
                        <h3>{i18n.t(msg::PER_STAFF)}</h3>
                        <div class="table-wrap"><table>
                            <thead><tr><th scope="col">{i18n.t(msg::ASSIGNEE)}</th><th scope="col">{i18n.t(msg::CSAT)}</th>
                                <th scope="col">{i18n.t(msg::AVERAGE_SCORE)}</th><th scope="col">{i18n.t(msg::RESPONSE_RATE)}</th><th scope="col">{i18n.t(msg::ANSWERS)}</th></tr></thead>
                            <tbody>{d.per_staff.into_iter().map(|s| view! {
                                <tr><td>{s.staff}</td><td>{percent(s.metrics.csat)}</td><td>{number(s.metrics.average, "")}</td>
                                    <td>{percent(s.metrics.response_rate)}</td><td>{s.metrics.answers}</td></tr>
                            }).collect_view()}</tbody>
                        </table></div>
                        <h3>{i18n.t(msg::WEEKLY_TREND)}</h3>
                        <WeeklyChart points=d.weekly />
                        <h3>{i18n.t(msg::COMMENTS)}</h3>
                        <ul class="comments">{d.comments.into_iter().map(|c| {
                            let at = c.at;
                            view! { <li><p class="meta">{c.score} " · " {c.staff} " · " {move || format_datetime(&at, i18n.get())} " · "
                                <A href=format!("/admin/chat/transcript/{}", c.session_id)>{i18n.t(msg::TRANSCRIPT)}</A></p>
                                <p class="pre">{c.comment}</p></li> }
                        }).collect_view()}</ul>
                    </section>
                    <section class="card" aria-labelledby="ops-title">
                        <h2 id="ops-title">{i18n.t(msg::CHAT_OPS)}</h2>
                        <div class="stats">
                            <div class="stat"><h3>{i18n.t(msg::CHATS)}</h3><p class="big">{d.chat.chats}</p></div>
                            <div class="stat"><h3>{i18n.t(msg::CHATS_PER_DAY)}</h3><p class="big">{number(d.chat.chats_per_day, "")}</p></div>
                            <div class="stat"><h3>{i18n.t(msg::AVG_WAIT)}</h3><p class="big">{number(d.chat.avg_wait_secs, msg::SECONDS.get(i18n.get_untracked()))}</p></div>
                            <div class="stat"><h3>{i18n.t(msg::P90_WAIT)}</h3><p class="big">{number(d.chat.p90_wait_secs, msg::SECONDS.get(i18n.get_untracked()))}</p></div>
                            <div class="stat"><h3>{i18n.t(msg::AVG_HANDLE)}</h3><p class="big">{number(d.chat.avg_handle_secs, msg::SECONDS.get(i18n.get_untracked()))}</p></div>
                            <div class="stat"><h3>{i18n.t(msg::LEFT_QUEUE)}</h3><p class="big">{percent(d.chat.left_queue_share)}</p></div>
                            <div class="stat"><h3>{i18n.t(msg::LINE_BUSY)}</h3><p class="big">{percent(d.chat.line_busy_share)}</p></div>
                        </div>
                    </section>
                    <section class="card" aria-labelledby="mail-title">
                        <h2 id="mail-title">{i18n.t(msg::MAIL_OPS)}</h2>
                        <div class="stats">
                            <div class="stat"><h3>{i18n.t(msg::IN_TIME)}</h3><p class="big">{percent(d.mail.answered_in_time)}</p></div>
                            <div class="stat"><h3>{i18n.t(msg::OVERDUE_NOW)}</h3><p class="big">{d.mail.overdue_now}</p></div>
                        </div>
                        <ul>{d.mail.per_category.into_iter().map(|(name, n)| view! { <li>{name.get(i18n.get_untracked()).to_owned()} ": " {n}</li> }).collect_view()}</ul>
                    </section>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
pub fn TranscriptPage() -> impl IntoView {
    view! { <StaffGate><TranscriptView /></StaffGate> }
}

#[component]
fn TranscriptView() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    let t = LocalResource::new(move || get_transcript(id()));
    view! {
        <section>
            <p><A href="/admin/insights">"← " {i18n.t(msg::INSIGHTS_TITLE)}</A></p>
            {move || match t.get() {
                None => view! { <p class="muted">{i18n.t(msg::LOADING)}</p> }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{move || e.message(i18n.get())}</p> }.into_any(),
                Some(Ok(t)) => view! {
                    <h1>{i18n.t(msg::TRANSCRIPT)} " #" {t.session_id}</h1>
                    <p><a href=format!("/admin/members/{}", t.member_id)>{t.member}</a> " / " {t.staff.unwrap_or_default()}</p>
                    <ol class="chat-log">{t.messages.into_iter().map(|m| {
                        let at = m.at;
                        view! { <li class=if m.from_staff { "bubble mine" } else { "bubble theirs" }>
                            <p class="meta">{m.author} " · " {move || format_datetime(&at, i18n.get())}</p><p class="pre">{m.body}</p></li> }
                    }).collect_view()}</ol>
                }.into_any(),
            }}
        </section>
    }
}
