//! Staff two-factor: enrolment with a QR code and a first code, login with a computed code and
//! with a backup code, no replay (also in parallel), throttling, mandatory set-up, and a reset
//! link that does not stand in for the second factor.
use crate::helpers::{spawn_app_with, Client, TestApp};
use serde_json::{json, Value};
use totp_rs::{Algorithm, Secret, TOTP};

const EMAIL: &str = "desk@example.jp";
const PASSWORD: &str = "staff-password-1";

fn step_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 30
}

/// The code an authenticator app shows for `secret` at 30-second step `step`.
pub fn code_at(secret: &str, step: u64) -> String {
    let bytes = Secret::Encoded(secret.to_owned()).to_bytes().expect("base32 secret");
    TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes).expect("totp").generate(step * 30)
}

async fn mandatory_app() -> TestApp {
    spawn_app_with(|s| s.staff_two_factor = true).await
}

async fn login_with(app: &TestApp, code: Option<&str>) -> (Client, u16, Value) {
    let client = app.client();
    let (status, body) =
        client.call("auth/login", json!({ "input": { "email": EMAIL, "password": PASSWORD, "code": code } })).await;
    (client, status, body)
}

/// A new staff account that logs in with the password, enrols, and returns the logged-in client,
/// the secret, the step its confirming code was for, and the backup codes.
async fn enrolled(app: &TestApp) -> (Client, String, u64, Vec<String>) {
    app.create_staff(EMAIL, PASSWORD).await;
    enrol(app).await
}

async fn enrol(app: &TestApp) -> (Client, String, u64, Vec<String>) {
    let (staff, status, user) = login_with(app, None).await;
    assert_eq!(status, 200, "{user}");
    assert_eq!(user["two_factor_due"], true);
    let (status, offer) = staff.call("auth/two-factor/start", json!({})).await;
    assert_eq!(status, 200, "{offer}");
    let secret = offer["secret"].as_str().unwrap().to_owned();
    assert!(offer["otpauth_url"].as_str().unwrap().contains(&format!("secret={secret}")));
    assert!(offer["qr_svg"].as_str().unwrap().starts_with("<?xml"), "a QR code drawn as SVG");
    assert_eq!(staff.call("auth/two-factor/confirm", json!({ "code": "000000" })).await, (401, json!("InvalidCode")));
    let step = step_now();
    let (status, codes) = staff.call("auth/two-factor/confirm", json!({ "code": code_at(&secret, step) })).await;
    assert_eq!(status, 200, "{codes}");
    let codes: Vec<String> = serde_json::from_value(codes["codes"].clone()).unwrap();
    assert_eq!(codes.len(), 10);
    (staff, secret, step, codes)
}

#[tokio::test]
async fn staff_must_enrol_before_any_staff_function_then_log_in_with_a_code() {
    let app = mandatory_app().await;
    app.create_staff(EMAIL, PASSWORD).await;
    let (early, status, _) = login_with(&app, None).await;
    assert_eq!(status, 200);
    assert_eq!(early.call("admin/overview", json!({})).await, (403, json!("TwoFactorSetup")));
    let csv = early.http.get(format!("{}/api/insights/surveys.csv", app.address)).send().await.unwrap();
    assert_eq!(csv.status().as_u16(), 403, "routes use the same guard");
    let (staff, _, _, _) = enrol(&app).await;
    assert_eq!(staff.call("admin/overview", json!({})).await.0, 200);
    assert_eq!(early.call("admin/overview", json!({})).await.0, 200, "the earlier session now works too");
}

#[tokio::test]
async fn codes_work_once_and_backup_codes_work_once() {
    let app = mandatory_app().await;
    let (staff, secret, step, backup) = enrolled(&app).await;
    assert_eq!(staff.call("admin/overview", json!({})).await.0, 200, "enrolled staff work");
    assert_eq!(staff.call("auth/two-factor/start", json!({})).await, (403, json!("Forbidden")), "not replaced");

    // The password alone is no longer enough.
    let (_, status, body) = login_with(&app, None).await;
    assert_eq!((status, body), (401, json!("CodeRequired")));
    // The code that confirmed enrolment is spent: the same code again is a replay.
    let (_, status, body) = login_with(&app, Some(&code_at(&secret, step))).await;
    assert_eq!((status, body), (401, json!("InvalidCode")));
    // The next window's code (clock drift of one step is allowed) works, once.
    let next = code_at(&secret, step + 1);
    let (desk, status, user) = login_with(&app, Some(&next)).await;
    assert_eq!(status, 200, "{user}");
    assert_eq!(user["two_factor"], true);
    assert_eq!(desk.call("admin/overview", json!({})).await.0, 200);
    assert_eq!(login_with(&app, Some(&next)).await.1, 401, "replayed");

    // A backup code, typed in upper case with spaces: works once.
    let typed = format!(" {} ", backup[0].to_uppercase());
    assert_eq!(login_with(&app, Some(&typed)).await.1, 200);
    assert_eq!(login_with(&app, Some(&backup[0])).await.2, json!("InvalidCode"));
    let (status, left) = desk.call("auth/two-factor/status", json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(left["backup_codes_left"], 9);
    assert_eq!(left["enabled"], true);
}

#[tokio::test]
async fn one_code_sent_twice_at_once_logs_in_once() {
    let app = mandatory_app().await;
    let (_, secret, step, backup) = enrolled(&app).await;
    let code = code_at(&secret, step + 1);
    let attempts = (0..6).map(|_| login_with(&app, Some(&code)));
    let statuses: Vec<u16> = futures_util::future::join_all(attempts).await.into_iter().map(|(_, s, _)| s).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    let attempts = (0..6).map(|_| login_with(&app, Some(&backup[3])));
    let statuses: Vec<u16> = futures_util::future::join_all(attempts).await.into_iter().map(|(_, s, _)| s).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
}

#[tokio::test]
async fn wrong_codes_are_throttled_like_passwords() {
    let app = spawn_app_with(|s| {
        s.staff_two_factor = true;
        // Enough password attempts that only the code limit can stop this.
        s.limits.login_account_address = app::infra::limits::RateLimit::new(100, 300);
    })
    .await;
    let (_, secret, step, _) = enrolled(&app).await;
    for _ in 0..5 {
        assert_eq!(login_with(&app, Some("123456")).await.1, 401);
    }
    // Now even the right code waits: 5 tries per 5 minutes.
    let (_, status, body) = login_with(&app, Some(&code_at(&secret, step + 1))).await;
    assert_eq!(status, 429, "{body}");
}

#[tokio::test]
async fn a_reset_link_does_not_stand_in_for_the_second_factor() {
    let app = mandatory_app().await;
    let (_, _, _, _) = enrolled(&app).await;
    let browser = app.client();
    assert_eq!(browser.call("auth/reset/request", json!({ "email": EMAIL })).await.0, 200);
    let rows: Vec<(String,)> = sqlx::query_as("SELECT body FROM outbox WHERE to_addr = $1 ORDER BY id DESC")
        .bind(EMAIL)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let token = rows
        .iter()
        .find_map(|(b,)| b.split("/account/reset?token=").nth(1))
        .and_then(|r| r.split_whitespace().next())
        .expect("reset mail")
        .to_owned();
    let (status, answer) = browser
        .call("auth/reset/confirm", json!({ "input": { "token": token, "password": "a-new-password-2" } }))
        .await;
    assert_eq!((status, answer), (200, Value::Null), "password set, but no session");
    assert!(browser.me().await.is_null());
    let (status, body) =
        app.client().call("auth/login", json!({ "input": { "email": EMAIL, "password": "a-new-password-2" } })).await;
    assert_eq!((status, body), (401, json!("CodeRequired")));
}

#[tokio::test]
async fn members_never_see_two_factor() {
    let app = mandatory_app().await;
    let member = crate::contact::member(&app, "member-2fa@example.jp").await;
    assert_eq!(member.me().await["two_factor_due"], false, "members are not asked");
    assert_eq!(member.call("auth/two-factor/start", json!({})).await, (403, json!("Forbidden")));
}
