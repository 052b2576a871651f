//! Sign-in from the parent site: `GET /sso/jwt?token=…&next=…` with HS256 and RS256 tokens signed
//! here as the parent would; expired, replayed, wrongly signed, `alg: none` and incomplete tokens
//! are refused and create nothing.
use crate::helpers::{spawn_app_with, TestApp};
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

const SECRET: &str = "shared-secret-between-the-sites";
const PRIVATE_PEM: &str = include_str!("../fixtures/sso-test-rsa.pem");
const PUBLIC_PEM: &str = include_str!("../fixtures/sso-test-rsa.pub.pem");

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn claims(sub: &str, email: &str, jti: &str) -> Value {
    json!({ "sub": sub, "email": email, "name": "連携 太郎", "iat": now(), "exp": now() + 120, "jti": jti })
}

fn hs256(claims: &Value) -> String {
    encode(&Header::new(Algorithm::HS256), claims, &EncodingKey::from_secret(SECRET.as_bytes())).unwrap()
}

fn rs256(claims: &Value) -> String {
    encode(&Header::new(Algorithm::RS256), claims, &EncodingKey::from_rsa_pem(PRIVATE_PEM.as_bytes()).unwrap()).unwrap()
}

async fn app() -> TestApp {
    spawn_app_with(|s| s.sso_jwt_secret = Some(SECRET.into())).await
}

/// A browser that does not follow redirects, so the test sees where it is sent.
struct Browser {
    http: reqwest::Client,
    base: String,
}

impl Browser {
    fn new(app: &TestApp) -> Browser {
        let http =
            reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
        Browser { http, base: app.address.clone() }
    }

    /// Status, `Location`, body.
    async fn handoff(&self, token: &str, next: &str) -> (u16, String, String) {
        let r = self
            .http
            .get(format!("{}/sso/jwt", self.base))
            .query(&[("token", token), ("next", next)])
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        let location = r.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        (status, location, r.text().await.unwrap())
    }

    async fn me(&self) -> Value {
        let r = self
            .http
            .post(format!("{}/api/auth/me", self.base))
            .header("content-type", "application/json")
            .header("origin", &self.base)
            .body("{}")
            .send()
            .await
            .unwrap();
        r.json().await.unwrap()
    }
}

async fn users(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(&app.state.db.pool).await.unwrap();
    n
}

#[tokio::test]
async fn a_valid_hs256_token_logs_in_once_and_links_the_same_account_next_time() {
    let app = app().await;
    let browser = Browser::new(&app);
    let token = hs256(&claims("P-100", "linked@example.jp", "jti-1"));
    let (status, location, _) = browser.handoff(&token, "/contact/history").await;
    assert_eq!((status, location.as_str()), (303, "/contact/history"));
    let me = browser.me().await;
    assert_eq!(me["email"], "linked@example.jp");
    assert_eq!(me["display_name"], "連携 太郎");
    assert_eq!(me["email_verified"], true, "the parent site vouches for the address");

    // The same token again: replayed.
    let other = Browser::new(&app);
    let (status, _, page) = other.handoff(&token, "/").await;
    assert_eq!(status, 401);
    assert!(page.contains("ログイン連携に失敗しました"), "{page}");
    assert!(other.me().await.is_null());

    // A new token for the same parent member: the same account.
    let (status, _, _) = other.handoff(&hs256(&claims("P-100", "linked@example.jp", "jti-2")), "/").await;
    assert_eq!(status, 303);
    assert_eq!(other.me().await["id"], me["id"]);
}

#[tokio::test]
async fn a_local_account_with_the_address_is_linked_and_staff_are_never_signed_in() {
    let app = app().await;
    let local = crate::contact::member(&app, "already@example.jp").await;
    let id = local.me().await["id"].clone();
    let browser = Browser::new(&app);
    assert_eq!(browser.handoff(&hs256(&claims("P-7", "already@example.jp", "j-a")), "/").await.0, 303);
    assert_eq!(browser.me().await["id"], id);

    app.create_staff("boss@example.jp", "staff-password-1").await;
    let before = users(&app).await;
    let (status, _, _) = Browser::new(&app).handoff(&hs256(&claims("P-8", "boss@example.jp", "j-b")), "/admin").await;
    assert_eq!(status, 401, "staff log in here, with two-factor");
    assert_eq!(users(&app).await, before);
}

#[tokio::test]
async fn bad_tokens_are_refused_and_create_nothing() {
    let app = app().await;
    let before = users(&app).await;
    let mut expired = claims("P-1", "x1@example.jp", "e-1");
    expired["iat"] = json!(now() - 600);
    expired["exp"] = json!(now() - 400);
    let mut long_lived = claims("P-2", "x2@example.jp", "e-2");
    long_lived["exp"] = json!(now() + 3600);
    let mut no_sub = claims("P-3", "x3@example.jp", "e-3");
    no_sub.as_object_mut().unwrap().remove("sub");
    let mut no_jti = claims("P-4", "x4@example.jp", "e-4");
    no_jti.as_object_mut().unwrap().remove("jti");
    let mut bad_email = claims("P-5", "not-an-address", "e-5");
    bad_email["email"] = json!("not-an-address");
    let wrong_key = encode(
        &Header::new(Algorithm::HS256),
        &claims("P-6", "x6@example.jp", "e-6"),
        &EncodingKey::from_secret(b"guess"),
    )
    .unwrap();
    // `alg: none`: a header and body with no signature.
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let none = format!(
        "{}.{}.",
        b64.encode(br#"{"alg":"none","typ":"JWT"}"#),
        b64.encode(claims("P-7", "x7@example.jp", "e-7").to_string())
    );
    // RS256 is not configured on this app, so a correctly signed RS256 token is refused too.
    let unconfigured = rs256(&claims("P-8", "x8@example.jp", "e-8"));
    for (what, token) in [
        ("expired", hs256(&expired)),
        ("lives over 5 minutes", hs256(&long_lived)),
        ("no sub", hs256(&no_sub)),
        ("no jti", hs256(&no_jti)),
        ("bad email", hs256(&bad_email)),
        ("wrong key", wrong_key),
        ("alg none", none),
        ("algorithm not configured", unconfigured),
        ("garbage", "a.b.c".into()),
        ("empty", String::new()),
    ] {
        let browser = Browser::new(&app);
        let (status, _, page) = browser.handoff(&token, "/").await;
        assert_eq!(status, 401, "{what}");
        assert!(page.contains("<title>ログイン連携エラー"), "{what}: {page}");
        assert!(browser.me().await.is_null(), "{what}");
    }
    assert_eq!(users(&app).await, before, "nothing was created");
}

#[tokio::test]
async fn rs256_tokens_verify_with_the_public_key_and_key_confusion_fails() {
    let app = spawn_app_with(|s| s.sso_jwt_public_key = Some(PUBLIC_PEM.into())).await;
    let browser = Browser::new(&app);
    let (status, location, _) = browser.handoff(&rs256(&claims("R-1", "rsa@example.jp", "r-1")), "/faq").await;
    assert_eq!((status, location.as_str()), (303, "/faq"));
    assert_eq!(browser.me().await["email"], "rsa@example.jp");
    // The classic confusion: HS256 "signed" with the public key as the secret.
    let confused = encode(
        &Header::new(Algorithm::HS256),
        &claims("R-2", "rsa2@example.jp", "r-2"),
        &EncodingKey::from_secret(PUBLIC_PEM.as_bytes()),
    )
    .unwrap();
    assert_eq!(Browser::new(&app).handoff(&confused, "/").await.0, 401);
    // Signed by another key pair's holder: here, a token whose signature was cut short.
    let token = rs256(&claims("R-3", "rsa3@example.jp", "r-3"));
    let tampered = format!("{}AA", &token[..token.len() - 2]);
    assert_eq!(Browser::new(&app).handoff(&tampered, "/").await.0, 401);
}

#[tokio::test]
async fn next_stays_on_this_site() {
    let app = app().await;
    for (i, next) in
        ["//evil.example", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"].iter().enumerate()
    {
        let token = hs256(&claims("N-1", "next@example.jp", &format!("n-{i}")));
        let (status, location, _) = Browser::new(&app).handoff(&token, next).await;
        assert_eq!((status, location.as_str()), (303, "/"), "{next}");
    }
}

#[tokio::test]
async fn one_token_sent_many_times_at_once_signs_in_once() {
    let app = app().await;
    let token = hs256(&claims("C-1", "race@example.jp", "race-1"));
    let browsers: Vec<Browser> = (0..8).map(|_| Browser::new(&app)).collect();
    let results = futures_util::future::join_all(browsers.iter().map(|b| b.handoff(&token, "/"))).await;
    let ok = results.iter().filter(|(s, _, _)| *s == 303).count();
    assert_eq!(ok, 1, "{:?}", results.iter().map(|r| r.0).collect::<Vec<_>>());
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE email = 'race@example.jp'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
}
