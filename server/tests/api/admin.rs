use crate::helpers::spawn_app;
use serde_json::json;

#[tokio::test]
async fn admin_functions_refuse_visitors_with_401_and_members_with_403() {
    let app = spawn_app().await;
    let visitor = app.client();
    assert_eq!(visitor.call("admin/overview", json!({})).await, (401, json!("Unauthenticated")));
    let member = crate::contact::member(&app, "member@example.jp").await;
    assert_eq!(member.call("admin/overview", json!({})).await, (403, json!("Forbidden")));
    let (status, _) = member.call("admin/closures/add", json!({ "input": { "day": "2026-12-24", "note": "x" } })).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn staff_see_the_overview_with_counts() {
    let app = spawn_app().await;
    app.client().register("m1@example.jp", "password-123", "会員1").await;
    app.client().register("m2@example.jp", "password-123", "会員2").await;
    app.create_staff("staff@example.jp", "staff-password-1").await;
    let staff = app.client();
    assert_eq!(staff.login("staff@example.jp", "staff-password-1").await.0, 200);
    let (status, overview) = staff.call("admin/overview", json!({})).await;
    assert_eq!(status, 200, "{overview}");
    assert_eq!((overview["members"].as_i64(), overview["staff"].as_i64()), (Some(2), Some(1)));
    assert!(overview["mail_desk"]["open_now"].is_boolean());
}

#[tokio::test]
async fn staff_add_and_remove_closure_days_and_bad_dates_are_refused() {
    let app = spawn_app().await;
    app.create_staff("staff@example.jp", "staff-password-1").await;
    let staff = app.client();
    staff.login("staff@example.jp", "staff-password-1").await;
    let (status, body) =
        staff.call("admin/closures/add", json!({ "input": { "day": "2026-13-01", "note": "" } })).await;
    assert_eq!(status, 422);
    assert_eq!(body["Validation"][0], json!({ "field": "day", "error": "InvalidDate" }));
    let added = staff.call("admin/closures/add", json!({ "input": { "day": "2026-12-25", "note": "社内研修" } })).await;
    assert_eq!(added.0, 200, "{:?}", added.1);
    let (_, list) = staff.call("admin/closures/list", json!({})).await;
    assert_eq!(list, json!([{ "day": "2026-12-25", "note": "社内研修" }]));
    assert_eq!(staff.call("admin/closures/remove", json!({ "day": "2026-12-25" })).await.0, 200);
    assert_eq!(staff.call("admin/closures/remove", json!({ "day": "2026-12-25" })).await.0, 404);
}
