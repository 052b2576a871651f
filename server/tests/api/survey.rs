use crate::chat_support::{chat_app, ended_chat, open_hours_ms};
use crate::contact::member;
use crate::helpers::TestApp;
use serde_json::{json, Value};

fn answer(session: i64, score: i64, comment: &str) -> Value {
    json!({ "input": { "session_id": session, "score": score, "resolved": true, "comment": comment } })
}

#[tokio::test]
async fn a_member_answers_once_may_change_until_commenting_and_only_for_their_own_chat() {
    let (app, clock) = chat_app().await;
    let m = member(&app, "m@example.jp").await;
    let s = ended_chat(&app, &m).await;
    let (status, st) = m.call("survey/answer", answer(s, 4, "")).await;
    assert_eq!(status, 200, "{st}");
    assert_eq!((st["open"].as_bool(), st["answer"]["score"].as_i64()), (Some(true), Some(4)));
    let (_, st) = m.call("survey/answer", answer(s, 5, "")).await;
    assert_eq!(st["answer"]["score"], 5, "changed, still one answer");
    let (_, st) = m.call("survey/answer", answer(s, 5, "丁寧でした")).await;
    assert_eq!(st["open"], false, "a comment makes it final");
    assert_eq!(m.call("survey/answer", answer(s, 1, "")).await, (409, json!("SurveyClosed")));
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM chat_surveys").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(n, 1);

    let other = member(&app, "other@example.jp").await;
    assert_eq!(other.call("survey/answer", answer(s, 1, "")).await.0, 404);
    assert_eq!(other.call("survey/status", json!({ "session_id": s })).await.0, 404);

    let late = ended_chat(&app, &m).await;
    clock.advance(chrono::Duration::days(8));
    assert_eq!(m.call("survey/status", json!({ "session_id": late })).await.1["open"], false);
    assert_eq!(m.call("survey/answer", answer(late, 3, "")).await.0, 409, "seven days have passed");
}

async fn staff_user(app: &TestApp, name: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO users (email, password_hash, display_name, role, created_at) VALUES ($1, 'x', $2, 'staff', 0) RETURNING id",
    )
    .bind(format!("{name}@staff.example"))
    .bind(name)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    id
}

async fn chat_row(
    app: &TestApp,
    member: i64,
    status: &str,
    staff: Option<i64>,
    times: (i64, Option<i64>, Option<i64>),
) -> i64 {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO chat_sessions (member_id, topic, status, enqueued_at, last_seen_at, staff_id, taken_at, ended_at) VALUES ($1, 'other', $2, $3, $3, $4, $5, $6) RETURNING id",
    )
    .bind(member)
    .bind(status)
    .bind(times.0)
    .bind(staff)
    .bind(times.1)
    .bind(times.2)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    id
}

#[tokio::test]
async fn insights_match_hand_computed_figures_and_the_csv_is_staff_only() {
    let (app, _clock) = chat_app().await;
    let m = member(&app, "m@example.jp").await;
    let member_id = m.me().await["id"].as_i64().unwrap();
    let (a, b) = (staff_user(&app, "スタッフA").await, staff_user(&app, "スタッフB").await);
    let t0 = open_hours_ms() - 3_600_000;
    let s1 = chat_row(&app, member_id, "ended", Some(a), (t0, Some(t0 + 60_000), Some(t0 + 660_000))).await;
    let s2 = chat_row(&app, member_id, "ended", Some(a), (t0, Some(t0 + 120_000), Some(t0 + 420_000))).await;
    chat_row(&app, member_id, "ended", Some(b), (t0, Some(t0 + 300_000), Some(t0 + 1_200_000))).await;
    chat_row(&app, member_id, "left", None, (t0, None, None)).await;
    sqlx::query("INSERT INTO chat_refusals (member_id, at) VALUES ($1, $2)")
        .bind(member_id)
        .bind(t0)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    for (s, score, comment) in [(s1, 5, Some("とても助かりました, ありがとう")), (s2, 2, None)] {
        sqlx::query("INSERT INTO chat_surveys (session_id, member_id, score, resolved, comment, created_at, updated_at) VALUES ($1, $2, $3, 1, $4, $5, $5)")
            .bind(s)
            .bind(member_id)
            .bind(score)
            .bind(comment)
            .bind(t0 + 700_000)
            .execute(&app.state.db.pool)
            .await
            .unwrap();
    }
    app.create_staff("boss@example.jp", "staff-password-1").await;
    let boss = app.client();
    boss.login("boss@example.jp", "staff-password-1").await;
    let (status, d) = boss.call("insights/summary", json!({ "from": null, "to": null })).await;
    assert_eq!(status, 200, "{d}");
    let c = &d["chat"];
    assert_eq!(c["chats"], 3);
    assert_eq!(c["avg_wait_secs"], 160.0);
    assert_eq!(c["p90_wait_secs"], 300.0);
    assert_eq!(c["avg_handle_secs"], 600.0);
    assert_eq!(c["left_queue_share"], 0.25);
    assert_eq!(c["line_busy_share"], 0.2);
    let o = &d["overall"];
    assert_eq!((o["answers"].as_i64(), o["csat"].as_f64(), o["average"].as_f64()), (Some(2), Some(0.5), Some(3.5)));
    assert!((o["response_rate"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    let per: Vec<(String, Value)> = d["per_staff"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["staff"].as_str().unwrap().to_owned(), s["metrics"].clone()))
        .collect();
    assert_eq!(per[0].0, "スタッフA");
    assert_eq!(per[0].1["response_rate"], 1.0);
    assert_eq!(per[1].1["answers"], 0);
    assert_eq!(d["comments"][0]["comment"], "とても助かりました, ありがとう");

    assert_eq!(m.call("insights/summary", json!({ "from": null, "to": null })).await.0, 403);
    let csv = boss.http.get(format!("{}/api/insights/surveys.csv", app.address)).send().await.unwrap();
    assert_eq!(csv.status().as_u16(), 200);
    let bytes = csv.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte-order mark for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "chat_id,answered_at,staff,score,resolved,comment");
    assert_eq!(lines.len(), 3);
    assert!(lines[1].ends_with(",5,yes,\"とても助かりました, ありがとう\""), "{}", lines[1]);
    let refused = m.http.get(format!("{}/api/insights/surveys.csv", app.address)).send().await.unwrap();
    assert_eq!(refused.status().as_u16(), 403);
}

#[tokio::test]
async fn a_closing_reply_invites_to_the_survey_and_insights_show_mail_beside_chat() {
    let app = crate::helpers::spawn_app().await;
    let m = crate::contact::member(&app, "mail-survey@example.jp").await;
    let (_, sent) = m.call("contact/submit", crate::contact::points_inquiry("mail-survey-1")).await;
    let id = sent["id"].as_i64().unwrap();
    app.create_staff("survey-desk@example.jp", "staff-password-1").await;
    let staff = app.client();
    assert_eq!(staff.login("survey-desk@example.jp", "staff-password-1").await.0, 200);
    // Not closed yet: no survey.
    assert_eq!(m.call("survey/inquiry/status", json!({ "inquiry_id": id })).await.0, 404);

    let reply = json!({ "input": { "inquiry_id": id, "body": "ポイントを付与しました。", "client_key": "close-key-0001", "close": true } });
    let (status, replied) = staff.call("inbox/reply", reply).await;
    assert_eq!(status, 200, "{replied}");
    assert_eq!(replied["detail"]["summary"]["status"], "Closed");
    // The reply mail (in the outbox, in the same transaction) carries the survey link.
    let (body,): (String,) =
        sqlx::query_as("SELECT body FROM outbox WHERE to_addr = 'mail-survey@example.jp' AND subject LIKE '%ご回答%'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert!(body.contains(&format!("/contact/survey/{id}")), "{body}");

    // Only the inquiry's member answers.
    let other = crate::contact::member(&app, "mail-survey-other@example.jp").await;
    assert_eq!(other.call("survey/inquiry/status", json!({ "inquiry_id": id })).await.0, 404);
    let (_, open) = m.call("survey/inquiry/status", json!({ "inquiry_id": id })).await;
    assert_eq!(open["open"], true);
    let answer = json!({ "input": { "session_id": 0, "inquiry_id": id, "score": 5, "resolved": true, "comment": "早い対応でした" } });
    let (status, done) = m.call("survey/answer", answer.clone()).await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["open"], false, "final once commented");
    assert_eq!(m.call("survey/answer", answer).await.0, 409);

    // Insights: mail CSAT beside chat's.
    let (_, insights) = staff.call("insights/summary", json!({ "from": null, "to": null })).await;
    let mail = &insights["mail"]["survey"];
    assert_eq!(
        (mail["answers"].as_i64(), mail["csat"].as_f64(), mail["response_rate"].as_f64()),
        (Some(1), Some(1.0), Some(1.0))
    );
    assert_eq!(insights["overall"]["answers"], 0);
}
