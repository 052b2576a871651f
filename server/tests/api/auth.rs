use crate::helpers::spawn_app;
use serde_json::json;

#[tokio::test]
async fn a_new_member_signs_up_confirms_by_mail_and_is_logged_in() {
    let app = spawn_app().await;
    let browser = app.client();
    let (status, answer) = browser.register("Hanako@Example.jp", "とても長いパスワード", "山田 花子").await;
    assert_eq!((status, answer), (200, json!({ "email": "hanako@example.jp" })));
    assert!(browser.me().await.is_null(), "not logged in before the link is opened");
    let token = app.verification_token("hanako@example.jp").await;
    let (status, user) = browser.verify(&token).await;
    assert_eq!(status, 200, "{user}");
    assert_eq!((user["email"].as_str(), user["email_verified"].as_bool()), (Some("hanako@example.jp"), Some(true)));
    assert_eq!(user["role"], "Member");
    assert_eq!(browser.me().await["display_name"], "山田 花子");
    assert!(user.get("password_hash").is_none());
    // The link works once.
    assert_eq!(app.client().verify(&token).await, (410, json!("InvalidLink")));
    assert_eq!(app.client().verify("made-up-token").await.0, 410);
}

#[tokio::test]
async fn a_verification_link_expires_after_a_day() {
    let clock = app::infra::Clock::manual(chrono::Utc::now());
    let app = crate::helpers::spawn_app_on(crate::helpers::fresh_database_url().await, clock.clone(), |_| {}).await;
    app.client().register("late@example.jp", "password-123", "遅刻").await;
    let token = app.verification_token("late@example.jp").await;
    clock.advance(chrono::Duration::hours(25));
    assert_eq!(app.client().verify(&token).await.0, 410);
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_same_site() {
    let app = spawn_app().await;
    app.client().register("a@example.jp", "password-123", "A").await;
    let token = app.verification_token("a@example.jp").await;
    let response = app
        .client()
        .http
        .post(format!("{}/api/auth/verify", app.address))
        .header("content-type", "application/json")
        .body(json!({ "token": token }).to_string())
        .send()
        .await
        .unwrap();
    let cookie = response.headers().get("set-cookie").unwrap().to_str().unwrap().to_owned();
    assert!(cookie.starts_with("madoguchi_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
}

#[tokio::test]
async fn an_unverified_member_can_read_but_not_write_until_the_link_is_opened() {
    let app = spawn_app().await;
    let browser = app.client();
    browser.register("slow@example.jp", "password-123", "未確認").await;
    assert_eq!(browser.login("slow@example.jp", "password-123").await.0, 200);
    assert_eq!(browser.me().await["email_verified"], false);
    assert_eq!(browser.call("contact/mine", json!({})).await.0, 200, "reading works");
    let (status, body) = browser.call("contact/submit", crate::contact::points_inquiry("unverified-key-1")).await;
    assert_eq!((status, body), (403, json!("Unverified")));
    assert_eq!(browser.call("chat/join", json!({ "topic": "other" })).await.1, json!("Unverified"));
    // "Send the mail again" mails a fresh link, which verifies.
    assert_eq!(browser.call("auth/resend-verification", json!({})).await.0, 200);
    let (mails,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE to_addr = 'slow@example.jp'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(mails, 2);
    assert_eq!(browser.verify(&app.verification_token("slow@example.jp").await).await.0, 200);
    assert_eq!(browser.call("contact/submit", crate::contact::points_inquiry("unverified-key-1")).await.0, 200);
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
async fn signing_up_with_a_registered_address_answers_the_same_and_tells_the_owner() {
    let app = spawn_app().await;
    let first = app.client().register("taro@example.jp", "password-123", "太郎").await;
    let again = app.client().register("TARO@example.jp", "password-456", "太郎2").await;
    assert_eq!(first, again, "nobody can learn from sign-up whether an address has an account");
    let (users,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(&app.state.db.pool).await.unwrap();
    assert_eq!(users, 1);
    let subjects: Vec<(String,)> =
        sqlx::query_as("SELECT subject FROM outbox WHERE to_addr = 'taro@example.jp' ORDER BY id")
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(subjects.len(), 2);
    assert!(subjects[1].0.contains("会員登録のお申し込みがありました"), "{subjects:?}");
    // The second attempt changed nothing: the first password still works, the second does not.
    assert_eq!(app.client().login("taro@example.jp", "password-456").await.0, 401);
    assert_eq!(app.client().login("taro@example.jp", "password-123").await.0, 200);
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
    let browser = crate::contact::member(&app, "shiro@example.jp").await;
    assert!(!browser.me().await.is_null());
    assert_eq!(browser.call("auth/logout", json!({})).await.0, 200);
    assert!(browser.me().await.is_null());
}
