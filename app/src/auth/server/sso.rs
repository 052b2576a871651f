//! Sign-in from the parent site: `GET /sso/jwt?token=<JWT>&next=<path>`.
//!
//! The points site that runs Madoguchi already knows its members. It signs a short-lived JWT
//! (HS256 with a shared secret, or RS256/ES256 with its private key) and sends the member's
//! browser here; a valid token logs them in as the account linked to the token's `sub`, made on
//! first use. Tokens are checked by `jsonwebtoken` against the configured keys only (so
//! `alg: none` or an algorithm we did not configure never verifies), must live at most five
//! minutes, and are single-use: their `jti` is inserted into `sso_jtis`, whose primary key
//! refuses a second use atomically, also across instances.
//!
//! Expiry is checked against the real clock, never the app's pinned test clock: the parent site
//! signs with real time.
use super::sessions;
use crate::auth::redirect::local_path;
use crate::auth::{Role, UserView};
use crate::domain::{DisplayName, Email};
use crate::error::AppError;
use crate::i18n::{msg, Lang};
use crate::infra::limits::Action;
use crate::infra::{rate_limit, AppState, Settings};
use axum::extract::{Query, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use jsonwebtoken::{decode, decode_header, Algorithm, DecodingKey, Validation};
use serde::Deserialize;

/// The longest life a hand-off token may have (`exp - iat`).
const MAX_LIFETIME_SECS: i64 = 300;
/// Clock difference tolerated between the parent site and us.
const LEEWAY_SECS: u64 = 30;

#[derive(Deserialize)]
pub struct HandoffQuery {
    #[serde(default)]
    token: String,
    #[serde(default)]
    next: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Claims {
    sub: String,
    email: String,
    #[serde(default)]
    name: Option<String>,
    iat: i64,
    exp: i64,
    jti: String,
}

/// Why a token was refused, for the log (the page says only that the hand-off failed). The
/// fields are read through `Debug`, which the dead-code check does not count.
#[derive(Debug)]
#[allow(dead_code)]
enum Refusal {
    NotConfigured,
    Malformed(String),
    Algorithm(Algorithm),
    Invalid(String),
    Lifetime,
    Claim(&'static str),
    Replayed,
    Staff,
    EmailLinkedElsewhere,
}

/// The keys the settings configure, by algorithm. Only these algorithms verify.
fn key_for(settings: &Settings, alg: Algorithm) -> Option<DecodingKey> {
    match alg {
        Algorithm::HS256 => settings.sso_jwt_secret.as_ref().map(|s| DecodingKey::from_secret(s.as_bytes())),
        Algorithm::RS256 => {
            settings.sso_jwt_public_key.as_ref().and_then(|k| DecodingKey::from_rsa_pem(k.as_bytes()).ok())
        }
        Algorithm::ES256 => {
            settings.sso_jwt_public_key.as_ref().and_then(|k| DecodingKey::from_ec_pem(k.as_bytes()).ok())
        }
        _ => None,
    }
}

fn verify(settings: &Settings, token: &str) -> Result<Claims, Refusal> {
    if settings.sso_jwt_secret.is_none() && settings.sso_jwt_public_key.is_none() {
        return Err(Refusal::NotConfigured);
    }
    // `alg: none` (and anything else jsonwebtoken does not know) fails here.
    let header = decode_header(token).map_err(|e| Refusal::Malformed(e.to_string()))?;
    let key = key_for(settings, header.alg).ok_or(Refusal::Algorithm(header.alg))?;
    let mut validation = Validation::new(header.alg);
    validation.leeway = LEEWAY_SECS;
    validation.set_required_spec_claims(&["exp", "iat", "sub"]);
    match &settings.sso_jwt_audience {
        Some(aud) => validation.set_audience(&[aud]),
        None => validation.validate_aud = false,
    }
    if let Some(iss) = &settings.sso_jwt_issuer {
        validation.set_issuer(&[iss]);
    }
    let claims = decode::<Claims>(token, &key, &validation).map_err(|e| Refusal::Invalid(e.to_string()))?.claims;
    let now = chrono::Utc::now().timestamp();
    if claims.exp - claims.iat > MAX_LIFETIME_SECS || claims.iat > now + LEEWAY_SECS as i64 {
        return Err(Refusal::Lifetime);
    }
    if claims.sub.trim().is_empty() || claims.sub.chars().count() > 200 {
        return Err(Refusal::Claim("sub"));
    }
    if claims.jti.trim().is_empty() || claims.jti.chars().count() > 200 {
        return Err(Refusal::Claim("jti"));
    }
    Ok(claims)
}

/// The name the token gives, if it is a valid display name; else the address's local part.
fn display_name(claims: &Claims, email: &Email) -> String {
    let local: String = email.as_ref().split('@').next().unwrap_or("").chars().take(30).collect();
    let chosen = [claims.name.as_deref().unwrap_or(""), local.as_str()]
        .into_iter()
        .find_map(|n| DisplayName::parse(n.trim()).ok())
        .map(|n| n.as_ref().to_owned());
    chosen.unwrap_or_else(|| "会員".into())
}

/// Spends the `jti`, then finds, links or makes the account — one transaction, so a refused
/// hand-off creates nothing.
async fn sign_in(state: &AppState, claims: &Claims) -> Result<Result<UserView, Refusal>, AppError> {
    let email = match Email::parse(&claims.email) {
        Ok(e) => e,
        Err(_) => return Ok(Err(Refusal::Claim("email"))),
    };
    let now = state.clock.now_ms();
    let mut tx = state.db.pool.begin().await?;
    let spent = sqlx::query("INSERT INTO sso_jtis (jti, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(&claims.jti)
        .bind(claims.exp * 1000)
        .execute(&mut *tx)
        .await?;
    if spent.rows_affected() != 1 {
        return Ok(Err(Refusal::Replayed));
    }
    // Link an account that has this address and no parent link yet (the parent site vouches for
    // the address, so it counts as verified), or make one. Both are no-ops when there is nothing to
    // do; the SELECT after them says who this is.
    sqlx::query(
        "UPDATE users SET sso_subject = $1, email_verified_at = COALESCE(email_verified_at, $2)
         WHERE email = $3 AND sso_subject IS NULL
           AND NOT EXISTS (SELECT 1 FROM users WHERE sso_subject = $1)",
    )
    .bind(&claims.sub)
    .bind(now)
    .bind(email.as_ref())
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        // An unusable password hash: these members log in through the parent site (or set a
        // password with "forgot your password").
        "INSERT INTO users (email, password_hash, display_name, role, created_at, email_verified_at, sso_subject)
         VALUES ($1, '!sso', $2, 'member', $3, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(email.as_ref())
    .bind(display_name(claims, &email))
    .bind(now)
    .bind(&claims.sub)
    .execute(&mut *tx)
    .await?;
    let row = sqlx::query(&format!("SELECT {} FROM users WHERE sso_subject = $1", super::users::USER_COLUMNS))
        .bind(&claims.sub)
        .fetch_optional(&mut *tx)
        .await?;
    // Nothing linked: the address belongs to an account linked to another parent member.
    let Some(row) = row else { return Ok(Err(Refusal::EmailLinkedElsewhere)) };
    let user = super::users::view_from_row(&row)?;
    // Staff always log in here, with two-factor.
    if user.role == Role::Staff {
        return Ok(Err(Refusal::Staff));
    }
    // A new or newly linked member is found by the parent-site id from now on.
    crate::search::server::index::member(&mut tx, user.id).await?;
    tx.commit().await?;
    Ok(Ok(user))
}

/// The route. Success: a session cookie and a redirect to `next` (a path of this site) or the
/// top page. Refusal: a short page in the member's language, and a log line saying why.
pub async fn handoff(State(state): State<AppState>, parts: Parts, Query(query): Query<HandoffQuery>) -> Response {
    let lang = if parts
        .headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().starts_with("en"))
    {
        Lang::En
    } else {
        Lang::Ja
    };
    let ip = crate::infra::http::client_ip(&parts, &state);
    if let Err(e) = rate_limit::take(&state, Action::Sso, &ip).await {
        return refusal_page(lang, e.status());
    }
    let claims = match verify(&state.settings, &query.token) {
        Ok(c) => c,
        Err(why) => {
            tracing::warn!(client = %ip, reason = ?why, "sign-in hand-off refused");
            return refusal_page(lang, StatusCode::UNAUTHORIZED);
        }
    };
    let user = match sign_in(&state, &claims).await {
        Ok(Ok(user)) => user,
        Ok(Err(why)) => {
            tracing::warn!(client = %ip, reason = ?why, "sign-in hand-off refused");
            return refusal_page(lang, StatusCode::UNAUTHORIZED);
        }
        Err(e) => return refusal_page(lang, e.status()),
    };
    let agent = parts.headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
    let cookie = match sessions::issue(&state, &user, agent).await {
        Ok(c) => c,
        Err(e) => return refusal_page(lang, e.status()),
    };
    tracing::info!(user_id = user.id, "signed in from the parent site");
    let next = query.next.as_deref().and_then(local_path).unwrap_or_else(|| "/".into());
    (StatusCode::SEE_OTHER, [(header::LOCATION, next), (header::SET_COOKIE, cookie)]).into_response()
}

/// A complete, static page: nothing from the request is echoed into it.
fn refusal_page(lang: Lang, status: StatusCode) -> Response {
    let (html_lang, title, back) = match lang {
        Lang::Ja => ("ja", "ログイン連携エラー", msg::BACK_HOME.ja),
        Lang::En => ("en", "Sign-in failed", msg::BACK_HOME.en),
    };
    let message = if status == StatusCode::TOO_MANY_REQUESTS {
        AppError::RateLimited { retry_after_secs: 300 }.message(lang)
    } else {
        AppError::SsoRefused.message(lang)
    };
    let body = format!(
        "<!doctype html><html lang=\"{html_lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\"><title>{title} | {site}</title></head><body><main>\
         <h1>{title}</h1><p role=\"alert\">{message}</p><p><a href=\"/\">{back}</a></p></main></body></html>",
        site = msg::SITE_NAME.get(lang),
    );
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], body)
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::{encode, EncodingKey, Header};

    fn settings() -> Settings {
        Settings { sso_jwt_secret: Some("s3cret-for-tests".into()), ..Settings::default() }
    }

    fn token(alg_secret: &str, lifetime: i64, extra: serde_json::Value) -> String {
        let now = chrono::Utc::now().timestamp();
        let mut claims = serde_json::json!({
            "sub": "P-1", "email": "a@example.jp", "iat": now, "exp": now + lifetime, "jti": "j-1"
        });
        claims.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        encode(&Header::new(Algorithm::HS256), &claims, &EncodingKey::from_secret(alg_secret.as_bytes())).unwrap()
    }

    #[test]
    fn a_good_token_verifies_and_bad_ones_do_not() {
        let s = settings();
        assert_eq!(verify(&s, &token("s3cret-for-tests", 120, serde_json::json!({}))).unwrap().sub, "P-1");
        assert!(matches!(verify(&s, &token("wrong", 120, serde_json::json!({}))), Err(Refusal::Invalid(_))));
        assert!(matches!(verify(&s, &token("s3cret-for-tests", 3600, serde_json::json!({}))), Err(Refusal::Lifetime)));
        assert!(matches!(
            verify(&s, &token("s3cret-for-tests", 120, serde_json::json!({ "jti": "" }))),
            Err(Refusal::Claim("jti"))
        ));
    }

    #[test]
    fn alg_none_is_refused() {
        use base64::engine::general_purpose::URL_SAFE_NO_PAD;
        use base64::Engine;
        let now = chrono::Utc::now().timestamp();
        let head = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let body = URL_SAFE_NO_PAD.encode(
            serde_json::json!({ "sub": "P-1", "email": "a@example.jp", "iat": now, "exp": now + 60, "jti": "x" })
                .to_string(),
        );
        assert!(matches!(verify(&settings(), &format!("{head}.{body}.")), Err(Refusal::Malformed(_))));
    }

    #[test]
    fn names_fall_back_to_the_address() {
        let email = Email::parse("taro.yamada@example.jp").unwrap();
        let claims = |name: Option<&str>| Claims {
            sub: "s".into(),
            email: email.as_ref().into(),
            name: name.map(str::to_owned),
            iat: 0,
            exp: 0,
            jti: "j".into(),
        };
        assert_eq!(display_name(&claims(Some("山田 太郎")), &email), "山田 太郎");
        assert_eq!(display_name(&claims(Some("a\u{202E}b")), &email), "taro.yamada");
        assert_eq!(display_name(&claims(None), &email), "taro.yamada");
    }
}
