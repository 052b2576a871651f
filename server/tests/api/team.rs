//! Staff management: roles on every supervisor function, invitations through the real outbox and
//! SMTP path, "the last active supervisor stays" under parallel changes, and what deactivation
//! ends (sessions, sockets, chats, assignments, logins).
use crate::chat_support::chat_app;
use crate::contact::{member, points_inquiry};
use crate::helpers::{spawn_app, Client, TestApp};
use crate::ws::open;
use app::chat::protocol::SessionStatus;
use serde_json::{json, Value};

const PASSWORD: &str = "staff-password-1";

async fn supervisor(app: &TestApp, email: &str) -> Client {
    app.create_staff(email, PASSWORD).await;
    let client = app.client();
    assert_eq!(client.login(email, PASSWORD).await.0, 200);
    client
}

async fn id_of(app: &TestApp, email: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

/// The token of the newest invitation mailed to `email`, from the outbox.
async fn invitation_token(app: &TestApp, email: &str) -> String {
    app.mailed_token(email, "/account/invite").await.unwrap_or_else(|| panic!("no invitation to {email}"))
}

async fn invite(by: &Client, email: &str, role: &str) -> (u16, Value) {
    by.call("admin/team/invite", json!({ "input": { "email": email, "role": role, "lang": "Ja" } })).await
}

async fn accept(client: &Client, token: &str, name: &str) -> (u16, Value) {
    client
        .call(
            "auth/invitation/accept",
            json!({ "input": { "token": token, "display_name": name, "password": "new-staff-password" } }),
        )
        .await
}

#[tokio::test]
async fn an_invited_agent_sets_a_password_logs_in_and_gets_403_on_supervisor_functions() {
    let app = spawn_app().await;
    let boss = supervisor(&app, "boss@example.jp").await;
    assert_eq!(invite(&boss, "new-agent@example.jp", "Agent").await.0, 200);
    let token = invitation_token(&app, "new-agent@example.jp").await;

    let invitee = app.client();
    let (status, view) = invitee.call("auth/invitation", json!({ "token": token })).await;
    assert_eq!(
        (status, view["email"].as_str(), view["role"].as_str()),
        (200, Some("new-agent@example.jp"), Some("Agent"))
    );
    // Bad input keeps the link usable.
    let (status, _) = invitee
        .call("auth/invitation/accept", json!({ "input": { "token": token, "display_name": "", "password": "short" } }))
        .await;
    assert_eq!(status, 422);
    let (status, user) = accept(&invitee, &token, "新人 エージェント").await;
    assert_eq!(status, 200, "{user}");
    assert_eq!(user["staff_role"], "Agent");
    // Single use.
    assert_eq!(accept(&app.client(), &token, "二度目").await.0, 410);
    assert_eq!(invitee.call("auth/invitation", json!({ "token": token })).await.0, 410);

    // Logged in as an agent: staff functions work, supervisor functions do not.
    assert_eq!(invitee.call("inbox/list", json!({ "filter": { "status": null, "category_id": null, "assignee": "Anyone", "overdue_only": false } })).await.0, 200);
    for (endpoint, body) in [
        ("admin/team/list", json!({})),
        ("admin/team/invite", json!({ "input": { "email": "x@example.jp", "role": "Agent" } })),
        ("admin/team/role", json!({ "user_id": 1, "role": "Agent" })),
        ("admin/team/active", json!({ "user_id": 1, "active": false })),
        ("admin/closures/add", json!({ "input": { "day": "2026-12-01", "note": "" } })),
    ] {
        assert_eq!(invitee.call(endpoint, body).await, (403, json!("Forbidden")), "{endpoint}");
    }
    // A fresh login works with the chosen password.
    assert_eq!(app.client().login("new-agent@example.jp", "new-staff-password").await.0, 200);
    // The team list shows the agent; an address with an account cannot be invited.
    let (_, team) = boss.call("admin/team/list", json!({})).await;
    assert!(team["members"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["email"] == "new-agent@example.jp" && m["role"] == "Agent"));
    assert!(team["invitations"].as_array().unwrap().is_empty());
    assert_eq!(invite(&boss, "new-agent@example.jp", "Agent").await.0, 422);
}

#[tokio::test]
async fn one_invitation_clicked_many_times_at_once_makes_one_account() {
    let app = spawn_app().await;
    let boss = supervisor(&app, "boss@example.jp").await;
    invite(&boss, "race@example.jp", "Supervisor").await;
    let token = invitation_token(&app, "race@example.jp").await;
    let clients: Vec<Client> = (0..6).map(|_| app.client()).collect();
    let answers = futures_util::future::join_all(clients.iter().map(|c| accept(c, &token, "競争 花子"))).await;
    assert_eq!(answers.iter().filter(|(s, _)| *s == 200).count(), 1, "{answers:?}");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE email = 'race@example.jp'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
}

#[tokio::test]
async fn inviting_again_replaces_the_link_and_expired_links_fail() {
    let app = spawn_app().await;
    let boss = supervisor(&app, "boss@example.jp").await;
    invite(&boss, "twice@example.jp", "Agent").await;
    let first = invitation_token(&app, "twice@example.jp").await;
    invite(&boss, "twice@example.jp", "Supervisor").await;
    let second = invitation_token(&app, "twice@example.jp").await;
    assert_ne!(first, second);
    assert_eq!(app.client().call("auth/invitation", json!({ "token": first })).await.0, 410);
    let (_, view) = app.client().call("auth/invitation", json!({ "token": second })).await;
    assert_eq!(view["role"], "Supervisor");
    sqlx::query("UPDATE staff_invitations SET expires_at = 0").execute(&app.state.db.pool).await.unwrap();
    assert_eq!(accept(&app.client(), &second, "遅刻 太郎").await.0, 410);
}

#[tokio::test]
async fn two_supervisors_demoting_each_other_at_once_leave_one_supervisor() {
    let app = spawn_app().await;
    let a = supervisor(&app, "sup-a@example.jp").await;
    let b = supervisor(&app, "sup-b@example.jp").await;
    let (ida, idb) = (id_of(&app, "sup-a@example.jp").await, id_of(&app, "sup-b@example.jp").await);
    for round in 0..4 {
        // Alternately demote and deactivate, both at once.
        let (ra, rb) = if round % 2 == 0 {
            tokio::join!(
                a.call("admin/team/role", json!({ "user_id": idb, "role": "Agent" })),
                b.call("admin/team/role", json!({ "user_id": ida, "role": "Agent" }))
            )
        } else {
            tokio::join!(
                a.call("admin/team/active", json!({ "user_id": idb, "active": false })),
                b.call("admin/team/active", json!({ "user_id": ida, "active": false }))
            )
        };
        let refused = [&ra, &rb].iter().filter(|(s, v)| *s == 409 && *v == json!("LastSupervisor")).count();
        let (active,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM users WHERE staff_role = 'supervisor' AND deactivated_at IS NULL")
                .fetch_one(&app.state.db.pool)
                .await
                .unwrap();
        assert_eq!(active, 1, "round {round}: {ra:?} {rb:?}");
        assert!(refused <= 1, "round {round}: {ra:?} {rb:?}");
        // Back to two supervisors for the next round, by the one left.
        sqlx::query("UPDATE users SET staff_role = 'supervisor', deactivated_at = NULL WHERE id IN ($1, $2)")
            .bind(ida)
            .bind(idb)
            .execute(&app.state.db.pool)
            .await
            .unwrap();
        for (c, email) in [(&a, "sup-a@example.jp"), (&b, "sup-b@example.jp")] {
            if c.call("admin/team/list", json!({})).await.0 != 200 {
                assert_eq!(c.login(email, PASSWORD).await.0, 200);
            }
        }
    }
    // Alone, a supervisor can neither step down nor switch themselves off.
    sqlx::query("UPDATE users SET deactivated_at = 1 WHERE id = $1")
        .bind(idb)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(
        a.call("admin/team/role", json!({ "user_id": ida, "role": "Agent" })).await,
        (409, json!("LastSupervisor"))
    );
    assert_eq!(
        a.call("admin/team/active", json!({ "user_id": ida, "active": false })).await,
        (409, json!("LastSupervisor"))
    );
    // Members are not staff: not found.
    let m = member(&app, "plain-member@example.jp").await;
    let mid = m.user_view().await.id;
    assert_eq!(a.call("admin/team/role", json!({ "user_id": mid, "role": "Supervisor" })).await.0, 404);
}

#[tokio::test]
async fn deactivation_ends_sessions_and_sockets_requeues_chats_unassigns_inquiries_and_refuses_login() {
    let (app, _clock) = chat_app().await;
    let boss = supervisor(&app, "boss@example.jp").await;
    app.create_staff("leaving@example.jp", PASSWORD).await;
    let leaving_id = id_of(&app, "leaving@example.jp").await;
    sqlx::query("UPDATE users SET staff_role = 'agent' WHERE id = $1")
        .bind(leaving_id)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let leaving = app.client();
    assert_eq!(leaving.login("leaving@example.jp", PASSWORD).await.0, 200);

    // An inquiry assigned to them, and a chat they are answering.
    let m = member(&app, "asker@example.jp").await;
    let (_, inquiry) = m.call("contact/submit", points_inquiry("deact-inquiry")).await;
    let inquiry_id = inquiry["id"].as_i64().unwrap();
    assert_eq!(leaving.call("inbox/assign", json!({ "id": inquiry_id })).await.0, 200);
    let chat = m.call("chat/join", json!({ "topic": "other" })).await.1.as_i64().unwrap();
    assert_eq!(leaving.call("chat/staff/take-next", json!({})).await.1, chat);
    let mut staff_socket = open(&leaving, &app.address, chat).await;
    staff_socket.status(SessionStatus::Active).await;
    let mut member_socket = open(&m, &app.address, chat).await;
    member_socket.status(SessionStatus::Active).await;

    assert_eq!(boss.call("admin/team/active", json!({ "user_id": leaving_id, "active": false })).await.0, 200);

    // Their socket ends; the member is waiting again, first in line.
    let _ = staff_socket.closed().await;
    member_socket.status(SessionStatus::Waiting).await;
    let (status,): (String,) = sqlx::query_as("SELECT status FROM chat_sessions WHERE id = $1")
        .bind(chat)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(status, "waiting");
    // Their session is gone, and so is logging in.
    assert_eq!(leaving.call("inbox/list", json!({ "filter": { "status": null, "category_id": null, "assignee": "Anyone", "overdue_only": false } })).await.0, 401);
    assert_eq!(app.client().login("leaving@example.jp", PASSWORD).await.0, 401);
    let (assignee,): (Option<i64>,) = sqlx::query_as("SELECT assignee_id FROM inquiries WHERE id = $1")
        .bind(inquiry_id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(assignee, None);
    // The list shows them deactivated; reactivated, they log in again.
    let (_, team) = boss.call("admin/team/list", json!({})).await;
    assert!(team["members"].as_array().unwrap().iter().any(|m| m["id"] == leaving_id && m["active"] == false));
    assert_eq!(boss.call("admin/team/active", json!({ "user_id": leaving_id, "active": true })).await.0, 200);
    assert_eq!(app.client().login("leaving@example.jp", PASSWORD).await.0, 200);
}
