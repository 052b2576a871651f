use crate::helpers::spawn_app;
use serde_json::json;

#[tokio::test]
async fn a_new_member_registers_and_is_logged_in() {
    let app = spawn_app().await;
    let browser = app.client();
    let (status, user) = browser.register("Hanako@Example.jp", "とても長いパスワード", "山田 花子").await;
    assert_eq!(status, 200, "{user}");
    assert_eq!(user["email"], "hanako@example.jp");
    assert_eq!(user["role"], "Member");
    assert_eq!(browser.me().await["display_name"], "山田 花子");
    assert!(user.get("password_hash").is_none());
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site() {
    let app = spawn_app().await;
    let response = app
        .client()
        .http
        .post(format!("{}/api/auth/register", app.address))
        .header("content-type", "application/json")
        .body(
            json!({ "input": { "email": "a@example.jp", "password": "password-123", "display_name": "A" } })
                .to_string(),
        )
        .send()
        .await
        .unwrap();
    let cookie = response.headers().get("set-cookie").unwrap().to_str().unwrap().to_owned();
    assert!(cookie.starts_with("madoguchi_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
}

#[tokio::test]
async fn registration_reports_each_invalid_field() {
    let app = spawn_app().await;
    let (status, body) = app.client().register("not-an-email", "short", &"名".repeat(31)).await;
    assert_eq!(status, 422);
    let fields: Vec<&str> =
        body["Validation"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["email", "password", "display_name"]);
    assert_eq!(body["Validation"][2]["error"], json!({ "TooLong": { "max": 30 } }));
}

#[tokio::test]
async fn an_address_can_register_only_once() {
    let app = spawn_app().await;
    assert_eq!(app.client().register("taro@example.jp", "password-123", "太郎").await.0, 200);
    let (status, body) = app.client().register("TARO@example.jp", "password-456", "太郎2").await;
    assert_eq!(status, 409);
    assert_eq!(body, "EmailTaken");
}

#[tokio::test]
async fn login_with_the_right_password_works_and_a_wrong_one_is_refused() {
    let app = spawn_app().await;
    app.client().register("jiro@example.jp", "password-123", "次郎").await;
    let browser = app.client();
    let (status, body) = browser.login("jiro@example.jp", "password-999").await;
    assert_eq!((status, body), (401, json!("InvalidCredentials")));
    assert!(browser.me().await.is_null());
    let (status, user) = browser.login("jiro@example.jp", "password-123").await;
    assert_eq!(status, 200);
    assert_eq!(user["display_name"], "次郎");
    assert_eq!(browser.me().await["email"], "jiro@example.jp");
}

#[tokio::test]
async fn five_failed_logins_from_one_address_pause_that_account_there_even_with_the_right_password() {
    let app = spawn_app().await;
    app.client().register("saburo@example.jp", "password-123", "三郎").await;
    let browser = app.client();
    for _ in 0..5 {
        assert_eq!(browser.login("saburo@example.jp", "wrong-password").await.0, 401);
    }
    let (status, body) = browser.login("saburo@example.jp", "password-123").await;
    assert_eq!(status, 429, "{body}");
    let retry = body["RateLimited"]["retry_after_secs"].as_i64().unwrap();
    assert!((1..=300).contains(&retry), "{retry}");
}

#[tokio::test]
async fn logout_ends_the_session() {
    let app = spawn_app().await;
    let browser = app.client();
    browser.register("shiro@example.jp", "password-123", "四郎").await;
    assert!(!browser.me().await.is_null());
    assert_eq!(browser.call("auth/logout", json!({})).await.0, 200);
    assert!(browser.me().await.is_null());
}
