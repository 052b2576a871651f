//! The member's own account page: name, password (with the current one; other sessions end),
//! and the list of their sessions, each of which they can end.
use crate::contact::member;
use crate::helpers::spawn_app;
use serde_json::json;

#[tokio::test]
async fn a_member_sees_their_sessions_and_ends_another_one() {
    let app = spawn_app().await;
    let laptop = member(&app, "many@example.jp").await;
    let phone = app.client();
    let response = phone
        .http
        .post(format!("{}/api/auth/login", app.address))
        .header("content-type", "application/json")
        .header("user-agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile Safari/604.1")
        .body(json!({ "input": { "email": "many@example.jp", "password": "password-123" } }).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let (status, list) = laptop.call("account/sessions", json!({})).await;
    assert_eq!(status, 200, "{list}");
    let list = list.as_array().unwrap().clone();
    assert_eq!(list.len(), 2);
    assert_eq!(list.iter().filter(|s| s["this_device"] == true).count(), 1);
    let other = list.iter().find(|s| s["this_device"] == false).unwrap();
    assert_eq!(other["device"], "Safari · iPhone");
    // Someone else cannot end it; its owner can.
    let stranger = member(&app, "stranger@example.jp").await;
    stranger.call("account/sessions/end", json!({ "id": other["id"] })).await;
    assert!(!phone.me().await.is_null(), "another member's call ended nothing");
    let (_, after) = laptop.call("account/sessions/end", json!({ "id": other["id"] })).await;
    assert_eq!(after.as_array().unwrap().len(), 1);
    assert!(phone.me().await.is_null(), "the phone is logged out");
    assert!(!laptop.me().await.is_null(), "this device is not");
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_the_other_sessions() {
    let app = spawn_app().await;
    let here = member(&app, "change@example.jp").await;
    let elsewhere = app.client();
    elsewhere.login("change@example.jp", "password-123").await;
    let wrong = here
        .call("account/password", json!({ "change": { "current": "not-it-at-all", "new": "brand-new-pass" } }))
        .await;
    assert_eq!(wrong.0, 422);
    assert_eq!(wrong.1["Validation"][0], json!({ "field": "current", "error": "WrongPassword" }));
    let weak = here.call("account/password", json!({ "change": { "current": "password-123", "new": "short" } })).await;
    assert_eq!(weak.1["Validation"][0]["field"], "new");
    let ok = here
        .call("account/password", json!({ "change": { "current": "password-123", "new": "brand-new-pass" } }))
        .await;
    assert_eq!(ok, (200, json!(null)));
    assert!(!here.me().await.is_null(), "this device stays logged in");
    assert!(elsewhere.me().await.is_null(), "the other device was logged out");
    assert_eq!(app.client().login("change@example.jp", "brand-new-pass").await.0, 200);
    // Guessing the current password here is limited like the login form.
    for _ in 0..6 {
        here.call("account/password", json!({ "change": { "current": "guess-guess-1", "new": "brand-new-pass" } }))
            .await;
    }
    let limited =
        here.call("account/password", json!({ "change": { "current": "guess-guess-1", "new": "x-brand-new" } })).await;
    assert_eq!(limited.0, 429);
}

#[tokio::test]
async fn a_member_renames_themself_with_the_usual_rules() {
    let app = spawn_app().await;
    let m = member(&app, "rename@example.jp").await;
    let (status, user) = m.call("account/name", json!({ "display_name": "  新しい 名前  " })).await;
    assert_eq!((status, user["display_name"].as_str()), (200, Some("新しい 名前")));
    let (status, body) = m.call("account/name", json!({ "display_name": "sta\u{200B}ff" })).await;
    assert_eq!((status, body["Validation"][0]["error"].as_str()), (422, Some("FormatCharacters")));
    assert_eq!(m.me().await["display_name"], "新しい 名前");
}
