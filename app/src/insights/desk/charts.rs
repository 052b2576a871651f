//! The desk figures' two charts, drawn by the app as SVG (no chart script): arrivals by weekday
//! and hour as a heatmap, and the backlog day by day as bars. Each cell and bar carries its number
//! in a `<title>` (a tooltip, and what screen readers read).
use super::BacklogPoint;
use crate::i18n::{msg, use_i18n, Lang};
use leptos::prelude::*;

const WEEKDAYS_JA: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Arrivals by weekday (rows, Monday first) and Tokyo hour (columns); darker is more.
#[component]
pub fn Heatmap(cells: [[i64; 24]; 7]) -> impl IntoView {
    let i18n = use_i18n();
    let max = cells.iter().flatten().copied().max().unwrap_or(0).max(1) as f64;
    let (left, top, cell) = (36.0, 18.0, 24.0);
    let (w, h) = (left + 24.0 * cell + 4.0, top + 7.0 * cell + 4.0);
    let names = move || if i18n.get() == Lang::Ja { WEEKDAYS_JA } else { WEEKDAYS_EN };
    view! {
        <svg class="chart heatmap" viewBox=format!("0 0 {w} {h}") role="img" aria-label=i18n.t(msg::FIGURES_HEATMAP)>
            {(0..24).step_by(3).map(|hour| view! {
                <text x={left + f64::from(hour) * cell + cell / 2.0} y="12" font-size="10" text-anchor="middle">{hour}</text>
            }).collect_view()}
            {cells.into_iter().enumerate().map(|(day, hours)| {
                let y = top + day as f64 * cell;
                view! {
                    <g>
                        <text x=left - 6.0 y=y + cell * 0.65 font-size="11" text-anchor="end">{move || names()[day]}</text>
                        {hours.into_iter().enumerate().map(|(hour, n)| {
                            // 0 is white; the busiest hour is the full accent colour.
                            let strength = n as f64 / max;
                            view! {
                                <rect x={left + hour as f64 * cell} y=y width={cell - 2.0} height={cell - 2.0} rx="2"
                                    fill="#c2410c" fill-opacity=format!("{:.2}", 0.06 + 0.94 * strength) data-count=n.to_string()>
                                    <title>{move || format!("{} {hour}:00 — {n}", names()[day])}</title>
                                </rect>
                            }
                        }).collect_view()}
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}

/// Open inquiries at the end of each day, as bars with the first and last day labelled.
#[component]
pub fn BacklogChart(points: Vec<BacklogPoint>) -> impl IntoView {
    let i18n = use_i18n();
    let (w, h, pad) = (640.0, 180.0, 24.0);
    let max = points.iter().map(|p| p.open).max().unwrap_or(0).max(1) as f64;
    let n = points.len().max(1) as f64;
    let bar = (w - 2.0 * pad) / n;
    let last = points.len().saturating_sub(1);
    view! {
        <svg class="chart backlog" viewBox=format!("0 0 {w} {h}") role="img" aria-label=i18n.t(msg::FIGURES_BACKLOG)>
            <line x1=pad y1=h - pad x2=w - pad y2=h - pad stroke="#9ca3af" />
            <text x=pad - 4.0 y=pad font-size="11" text-anchor="end">{max as i64}</text>
            {points.into_iter().enumerate().map(|(i, p)| {
                let height = (h - 2.0 * pad) * p.open as f64 / max;
                let x = pad + i as f64 * bar;
                let label = (i == 0 || i == last).then(|| view! {
                    <text x=x + bar / 2.0 y=h - 6.0 font-size="11" text-anchor="middle">{p.day.format("%m/%d").to_string()}</text>
                });
                view! {
                    <g>
                        <rect x={x + bar * 0.1} y={h - pad - height} width={(bar * 0.8).max(1.0)} height=height fill="#6b7280" data-open=p.open.to_string()>
                            <title>{format!("{} — {}", p.day.format("%m/%d"), p.open)}</title>
                        </rect>
                        {label}
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}
