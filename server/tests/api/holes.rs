//! Smaller holes found by trying the site as an attacker would, each closed and kept closed.
use crate::chat_support::{chat_app, ended_chat};
use crate::contact::{member, points_inquiry};
use crate::helpers::{spawn_app, spawn_app_with};
use app::infra::purge::purge_once;
use serde_json::json;

#[tokio::test]
async fn names_with_bidi_overrides_or_zero_width_characters_are_refused() {
    let app = spawn_app().await;
    for name in ["admin\u{202E}gnp.exe", "sta\u{200B}ff", "\u{FEFF}佐藤"] {
        let (status, body) = app.client().register("spoof@example.jp", "password-123", name).await;
        assert_eq!(status, 422, "{name:?}");
        assert_eq!(body["Validation"][0]["field"], "display_name", "{body}");
        assert_eq!(body["Validation"][0]["error"], "FormatCharacters", "{body}");
    }
}

#[tokio::test]
async fn an_idea_cannot_be_a_duplicate_of_itself() {
    let app = spawn_app().await;
    let m = member(&app, "idea@example.jp").await;
    let (_, idea) = m.call("ideas/post", json!({ "input": { "title": "通帳の検索", "body": "あると便利" } })).await;
    let id = idea["id"].as_i64().unwrap();
    m.call("ideas/vote", json!({ "idea_id": id, "vote": true })).await;
    app.create_staff("staff@example.jp", "staff-password-1").await;
    let staff = app.client();
    staff.login("staff@example.jp", "staff-password-1").await;
    let change = json!({ "change": { "idea_id": id, "status": "Duplicate", "note": "", "duplicate_of": id } });
    assert_eq!(staff.call("ideas/admin/status", change).await.0, 422);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM idea_votes WHERE idea_id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1, "the vote is still there");
}

#[tokio::test]
async fn far_dates_in_insights_are_refused_without_a_crash() {
    let app = spawn_app().await;
    app.create_staff("boss@example.jp", "staff-password-1").await;
    let boss = app.client();
    boss.login("boss@example.jp", "staff-password-1").await;
    for (from, to) in [("0000-01-01", "9999-12-31"), ("2026-01-01", "9999-12-31"), ("-0001-01-01", "2026-01-01")] {
        let (status, body) = boss.call("insights/summary", json!({ "from": from, "to": to })).await;
        assert!(status == 422 || status == 400, "{from}..{to}: {status} {body}");
        let csv = boss
            .http
            .get(format!("{}/api/insights/surveys.csv?from={from}&to={to}", app.address))
            .send()
            .await
            .unwrap();
        assert!(csv.status().is_client_error(), "{from}..{to}: {}", csv.status());
    }
    assert_eq!(app.client().http.get(format!("{}/healthz", app.address)).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn the_survey_export_neutralizes_formulas() {
    let (app, _) = chat_app().await;
    let m = member(&app, "csv@example.jp").await;
    let s = ended_chat(&app, &m).await;
    let comment = "=HYPERLINK(\"http://evil.example\",\"open\")";
    let (status, body) = m
        .call(
            "survey/answer",
            json!({ "input": { "session_id": s, "score": 1, "resolved": false, "comment": comment } }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let boss = app.client();
    boss.login("ender@example.jp", "staff-password-1").await;
    let csv = boss.http.get(format!("{}/api/insights/surveys.csv", app.address)).send().await.unwrap();
    let text = csv.text().await.unwrap();
    let line = text.lines().nth(1).expect("one answer");
    assert!(line.ends_with(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\""), "{line}");
}

#[tokio::test]
async fn expired_sessions_spent_counters_and_old_sent_mail_are_purged() {
    let app = spawn_app_with(|s| s.outbox_retention_days = 30).await;
    let m = member(&app, "purge@example.jp").await;
    m.login("purge@example.jp", "wrong-password").await;
    let now = app.state.clock.now_ms();
    let day = 86_400_000i64;
    sqlx::query("UPDATE sessions SET expires_at = $1").bind(now - 1).execute(&app.state.db.pool).await.unwrap();
    sqlx::query("UPDATE rate_counters SET window_end = $1").bind(now - 1).execute(&app.state.db.pool).await.unwrap();
    for (to, sent_at) in [("old@example.jp", now - 31 * day), ("recent@example.jp", now - day)] {
        sqlx::query(
            "INSERT INTO outbox (to_addr, subject, body, next_attempt_at, created_at, status, sent_at)
             VALUES ($1, 's', 'b', $2, $2, 'sent', $2)",
        )
        .bind(to)
        .bind(sent_at)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    }
    let purged = purge_once(&app.state).await.unwrap();
    assert!(purged.sessions >= 1 && purged.counters >= 1, "{purged:?}");
    assert_eq!(purged.mails, 1);
    let left: Vec<(String,)> =
        sqlx::query_as("SELECT to_addr FROM outbox WHERE status = 'sent'").fetch_all(&app.state.db.pool).await.unwrap();
    assert_eq!(left, vec![("recent@example.jp".to_owned(),)]);
    let (sessions,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM sessions").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(sessions, 0);
}

#[tokio::test]
async fn a_staff_reply_and_its_mail_are_stored_together_or_not_at_all() {
    let app = spawn_app().await;
    let m = member(&app, "atomic@example.jp").await;
    let (_, submitted) = m.call("contact/submit", points_inquiry("atomic-key-1")).await;
    let id = submitted["id"].as_i64().unwrap();
    app.create_staff("staff@example.jp", "staff-password-1").await;
    let staff = app.client();
    staff.login("staff@example.jp", "staff-password-1").await;
    // The mail cannot be queued: the reply must not be stored or mark the inquiry answered.
    sqlx::query("ALTER TABLE outbox RENAME TO outbox_away").execute(&app.state.db.pool).await.unwrap();
    let (status, _) = staff
        .call(
            "inbox/reply",
            json!({ "input": { "inquiry_id": id, "body": "回答です", "client_key": "test-key-0001" } }),
        )
        .await;
    assert_eq!(status, 500);
    sqlx::query("ALTER TABLE outbox_away RENAME TO outbox").execute(&app.state.db.pool).await.unwrap();
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM inquiry_messages WHERE inquiry_id = $1 AND from_staff = 1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let (st,): (String,) = sqlx::query_as("SELECT status FROM inquiries WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!((n, st.as_str()), (0, "new"));
    // With the outbox back, the same reply goes through once, with its mail.
    assert_eq!(
        staff
            .call(
                "inbox/reply",
                json!({ "input": { "inquiry_id": id, "body": "回答です", "client_key": "test-key-0001" } })
            )
            .await
            .0,
        200
    );
    let (mails,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM outbox WHERE to_addr = 'atomic@example.jp' AND subject NOT LIKE '%メールアドレスの確認%'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(mails, 2, "the acknowledgment and the reply");
}

#[tokio::test]
async fn every_response_carries_a_content_security_policy_and_tls_adds_hsts() {
    let app = spawn_app().await;
    let res = reqwest::get(format!("{}/healthz", app.address)).await.unwrap();
    let csp = res.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("default-src 'self'") && csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(res.headers().get("strict-transport-security").is_none(), "no HSTS over plain HTTP");
    assert!(res.headers().get("permissions-policy").is_some());
    let tls = spawn_app_with(|s| s.secure_cookies = true).await;
    let res = reqwest::get(format!("{}/healthz", tls.address)).await.unwrap();
    assert!(res.headers()["strict-transport-security"].to_str().unwrap().starts_with("max-age="));
}

#[tokio::test]
async fn a_restart_longer_than_the_grace_period_keeps_the_queue() {
    let (app, clock) = chat_app().await;
    let m = member(&app, "patient@example.jp").await;
    let s = m.call("chat/join", json!({ "topic": "other" })).await.1.as_i64().unwrap();
    // The server was down for ten minutes: nobody could keep their place alive.
    clock.advance(chrono::Duration::minutes(10));
    let restarted = crate::helpers::spawn_app_on(app.state.db.url.clone(), clock.clone(), |_| {}).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app::chat::server::heartbeat_and_sweep(&restarted.state).await.unwrap();
    let (status,): (String,) = sqlx::query_as("SELECT status FROM chat_sessions WHERE id = $1")
        .bind(s)
        .fetch_one(&restarted.state.db.pool)
        .await
        .unwrap();
    assert_eq!(status, "waiting", "members get a fresh grace period to reconnect after a restart");
}

#[tokio::test]
async fn staff_see_mails_the_outbox_gave_up_on_and_send_them_again_once() {
    let app = spawn_app().await;
    let now = app.state.clock.now_ms();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO outbox (to_addr, subject, body, next_attempt_at, created_at, status, attempts, last_error)
         VALUES ('lost@example.jp', '件名', '本文', $1, $1, 'failed', 300, 'connection refused') RETURNING id",
    )
    .bind(now)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    app.create_staff("staff@example.jp", "staff-password-1").await;
    let staff = app.client();
    staff.login("staff@example.jp", "staff-password-1").await;
    let (status, list) = staff.call("admin/mail/failed", json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(
        (list[0]["to"].as_str(), list[0]["last_error"].as_str()),
        (Some("lost@example.jp"), Some("connection refused"))
    );
    let retries =
        futures_util::future::join_all((0..5).map(|_| staff.call("admin/mail/retry", json!({ "id": id })))).await;
    assert_eq!(retries.iter().filter(|(s, _)| *s == 200).count(), 1, "queued again exactly once: {retries:?}");
    let (status_now, attempts): (String, i64) = sqlx::query_as("SELECT status, attempts FROM outbox WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(status_now == "pending" || status_now == "sent" || attempts <= 1, "{status_now} {attempts}");
    assert_eq!(staff.call("admin/mail/failed", json!({})).await.1, json!([]));
}

#[tokio::test]
async fn a_retried_reply_or_follow_up_is_stored_and_mailed_once() {
    let app = spawn_app().await;
    let m = member(&app, "retry@example.jp").await;
    let (_, submitted) = m.call("contact/submit", points_inquiry("retry-inquiry-1")).await;
    let id = submitted["id"].as_i64().unwrap();
    app.create_staff("staff@example.jp", "staff-password-1").await;
    let staff = app.client();
    staff.login("staff@example.jp", "staff-password-1").await;
    let reply = json!({ "input": { "inquiry_id": id, "body": "回答です", "client_key": "reply-key-0001" } });
    let answers = futures_util::future::join_all((0..4).map(|_| staff.call("inbox/reply", reply.clone()))).await;
    assert!(answers.iter().all(|(s, _)| *s == 200), "{answers:?}");
    let follow = json!({ "input": { "inquiry_id": id, "body": "追加です", "client_key": "follow-key-001" } });
    let answers = futures_util::future::join_all((0..4).map(|_| m.call("contact/follow-up", follow.clone()))).await;
    assert!(answers.iter().all(|(s, _)| *s == 200), "{answers:?}");
    let (staff_msgs, member_msgs): (i64, i64) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(from_staff), 0) AS BIGINT), CAST(COALESCE(SUM(1 - from_staff), 0) AS BIGINT)
         FROM inquiry_messages WHERE inquiry_id = $1",
    )
    .bind(id)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!((staff_msgs, member_msgs), (1, 1));
    let (mails,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE to_addr = 'retry@example.jp' AND subject LIKE '%回答%'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(mails, 1, "one reply mail");
}

#[tokio::test]
async fn an_idle_staff_session_ends_but_a_members_does_not() {
    let clock = app::infra::Clock::manual(chrono::Utc::now());
    let app = crate::helpers::spawn_app_on(crate::helpers::fresh_database_url().await, clock.clone(), |_| {}).await;
    let m = member(&app, "idle-member@example.jp").await;
    app.create_staff("idle@example.jp", "staff-password-1").await;
    let staff = app.client();
    staff.login("idle@example.jp", "staff-password-1").await;
    clock.advance(chrono::Duration::minutes(50));
    assert_eq!(staff.call("admin/overview", json!({})).await.0, 200, "used within the hour");
    clock.advance(chrono::Duration::minutes(61));
    assert_eq!(staff.call("admin/overview", json!({})).await.0, 401, "an hour idle");
    assert!(!m.me().await.is_null(), "members are not logged out for idling");
}
