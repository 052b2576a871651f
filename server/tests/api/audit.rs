//! The audit log: each staff action leaves a row with actor, target and client address; rows
//! cannot be edited (the database refuses); supervisors filter and export them (formula-safe
//! CSV, itself audited); the retention purge removes only old rows.
use crate::chat_support::{chat_app, ended_chat};
use crate::contact::{member, points_inquiry};
use crate::helpers::TestApp;
use serde_json::json;

async fn actions_of(app: &TestApp, email: &str) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "SELECT a.action, a.target, a.client_ip FROM audit_log a JOIN users u ON u.id = a.actor_id
         WHERE u.email = $1 ORDER BY a.id",
    )
    .bind(email)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn every_audited_staff_action_leaves_a_row() {
    let (app, _clock) = chat_app().await;
    let m = member(&app, "audited-member@example.jp").await;
    let chat = ended_chat(&app, &m).await; // logs "ender@example.jp" in (a supervisor)
    let staff = app.client();
    assert_eq!(staff.login("ender@example.jp", "wrong-password-1").await.0, 401);
    assert_eq!(staff.login("ender@example.jp", "staff-password-1").await.0, 200);
    let (_, inquiry) = m.call("contact/submit", points_inquiry("audit-inquiry")).await;
    let id = inquiry["id"].as_i64().unwrap();
    let thread = |body: &str, key: &str| json!({ "input": { "inquiry_id": id, "body": body, "client_key": key } });
    for (endpoint, body) in [
        ("inbox/detail", json!({ "id": id })),
        ("inbox/assign", json!({ "id": id })),
        ("inbox/note", thread("確認中", "audit-note-0001")),
        ("inbox/reply", thread("回答です", "audit-reply-001")),
        ("inbox/status", json!({ "id": id, "status": "Closed" })),
        ("insights/transcript", json!({ "session_id": chat })),
        ("admin/closures/add", json!({ "input": { "day": "2030-01-07", "note": "臨時休業" } })),
        ("admin/closures/remove", json!({ "day": "2030-01-07" })),
        ("admin/team/invite", json!({ "input": { "email": "audited-invite@example.jp", "role": "Agent" } })),
    ] {
        let (status, answer) = staff.call(endpoint, body).await;
        assert_eq!(status, 200, "{endpoint}: {answer}");
    }
    let csv = staff.http.get(format!("{}/api/insights/surveys.csv", app.address)).send().await.unwrap();
    assert_eq!(csv.status().as_u16(), 200);

    let rows = actions_of(&app, "ender@example.jp").await;
    let actions: Vec<&str> = rows.iter().map(|(a, _, _)| a.as_str()).collect();
    for expected in [
        "login",
        "login_failed",
        "view_inquiry",
        "assign",
        "note",
        "reply",
        "status",
        "view_transcript",
        "closure_add",
        "closure_remove",
        "staff_invite",
        "export",
    ] {
        assert!(actions.contains(&expected), "{expected} missing from {actions:?}");
    }
    let inquiry_target = format!("inquiry:{id}");
    assert!(rows.iter().any(|(a, t, _)| a == "reply" && *t == inquiry_target));
    assert!(rows.iter().any(|(a, t, _)| a == "view_transcript" && *t == format!("chat:{chat}")));
    assert!(rows.iter().all(|(_, _, ip)| ip == "127.0.0.1"), "{rows:?}");
    // A member's own actions and failed logins are not staff actions.
    assert_eq!(m.login("audited-member@example.jp", "wrong-password-9").await.0, 401);
    assert!(actions_of(&app, "audited-member@example.jp").await.is_empty());
}

#[tokio::test]
async fn rows_cannot_be_edited_and_only_old_ones_are_purged() {
    let (app, _clock) = chat_app().await;
    app.create_staff("keeper@example.jp", "staff-password-1").await;
    let staff = app.client();
    assert_eq!(staff.login("keeper@example.jp", "staff-password-1").await.0, 200);
    let edited = sqlx::query("UPDATE audit_log SET target = 'forged'").execute(&app.state.db.pool).await;
    assert!(edited.is_err(), "the database must refuse edits");
    let now = app.state.clock.now_ms();
    let (actor,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE email = 'keeper@example.jp'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let old = now - (app.state.settings.audit_retention_days + 1) * 86_400_000;
    app::audit::server::record(&app.state.db.pool, actor, app::audit::AuditAction::Export, "old", "", old)
        .await
        .unwrap();
    let purged = app::audit::server::purge(&app.state, now).await.unwrap();
    assert_eq!(purged, 1);
    let left = actions_of(&app, "keeper@example.jp").await;
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0].0, "login");
}

#[tokio::test]
async fn supervisors_filter_the_log_and_export_it_as_formula_safe_csv() {
    let (app, _clock) = chat_app().await;
    app.create_staff("filter-boss@example.jp", "staff-password-1").await;
    app.create_agent("filter-agent@example.jp", "staff-password-1").await;
    sqlx::query(
        "UPDATE users SET display_name = '=HYPERLINK(\"http://evil.example\")' WHERE email = 'filter-agent@example.jp'",
    )
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    let boss = app.client();
    assert_eq!(boss.login("filter-boss@example.jp", "staff-password-1").await.0, 200);
    let agent = app.client();
    assert_eq!(agent.login("filter-agent@example.jp", "staff-password-1").await.0, 200);
    let (agent_id,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE email = 'filter-agent@example.jp'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();

    let filter =
        json!({ "filter": { "actor_id": agent_id, "action": "Login", "from": null, "to": null, "before_id": null } });
    let (status, page) = boss.call("admin/audit/list", filter.clone()).await;
    assert_eq!(status, 200, "{page}");
    let entries = page["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{page}");
    assert_eq!(entries[0]["action"], "Login");
    assert!(page["staff"].as_array().unwrap().len() >= 2);
    assert_eq!(agent.call("admin/audit/list", filter).await.0, 403);

    let csv = boss
        .http
        .get(format!("{}/api/admin/audit.csv?actor_id={agent_id}&action=login", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status().as_u16(), 200);
    let body = csv.text().await.unwrap();
    assert!(body.contains("\"'=HYPERLINK(\"\"http://evil.example\"\") <filter-agent@example.jp>\""), "{body}");
    assert!(!body.contains("filter-boss@example.jp"), "filtered to the agent: {body}");
    let agent_csv = agent.http.get(format!("{}/api/admin/audit.csv", app.address)).send().await.unwrap();
    assert_eq!(agent_csv.status().as_u16(), 403);
    // The export is itself in the log.
    assert!(actions_of(&app, "filter-boss@example.jp").await.iter().any(|(a, t, _)| a == "export" && t == "audit.csv"));
}
