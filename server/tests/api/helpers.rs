use app::auth::server::create_user_with_role;
use app::auth::{Role, StaffRole};
use app::domain::{Email, Password};
use app::infra::{AppState, Clock, Settings};
use madoguchi_server::startup::Application;
use reqwest::header::{HeaderMap, HeaderValue, CONTENT_TYPE, ORIGIN};
use serde_json::{json, Value};
use sqlx::Connection;
use std::sync::atomic::{AtomicU32, Ordering};

pub struct TestApp {
    pub address: String,
    pub state: AppState,
    /// The inbound SMTP listener's port, when the test turned it on.
    pub smtp_port: Option<u16>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique(prefix: &str) -> String {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    format!("{prefix}_{}_{}_{nanos}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst))
}

/// A fresh database for one test: a new SQLite file, or a new PostgreSQL database.
pub async fn fresh_database_url() -> String {
    match std::env::var("MADOGUCHI_TEST_POSTGRES") {
        Ok(admin_url) if !admin_url.is_empty() => {
            let name = unique("mdg_test");
            let mut conn = sqlx::PgConnection::connect(&admin_url).await.expect("connect to PostgreSQL");
            sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.expect("create database");
            let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin_url);
            format!("{base}/{name}")
        }
        _ => {
            let dir = std::env::temp_dir().join("madoguchi-tests");
            std::fs::create_dir_all(&dir).expect("temp dir");
            format!("sqlite://{}", dir.join(format!("{}.db", unique("t"))).display())
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_app_on(fresh_database_url().await, Clock::System, configure).await
}

/// An app on a given database (a second instance shares the first one's) and clock.
/// A fresh directory under the system's temporary one, for one test server.
pub fn scratch_dir(what: &str) -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    std::env::temp_dir().join(format!("madoguchi-test-{}-{what}-{n}", std::process::id()))
}

pub async fn spawn_app_on(database_url: String, clock: Clock, configure: impl FnOnce(&mut Settings)) -> TestApp {
    // Mandatory staff two-factor is off here so the other suites' staff log in with a password;
    // `two_factor.rs` turns it on and tests it.
    let mut settings = Settings {
        database_url,
        bind: "127.0.0.1:0".into(),
        dist_dir: std::env::temp_dir(),
        staff_two_factor: false,
        files_dir: scratch_dir("files"),
        ..Settings::default()
    };
    configure(&mut settings);
    let app = Application::build_with_clock(settings, clock).await.expect("server builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state().clone();
    let smtp_port = app.smtp_port();
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    TestApp { address, state, smtp_port }
}

impl TestApp {
    /// A handle on a server started elsewhere (its own runtime), sharing its database.
    pub async fn attach(address: &str, database_url: &str) -> TestApp {
        let db = app::infra::Db::connect(database_url).await.expect("db");
        let state = AppState {
            chat: app::chat::server::ChatHub::new(db.backend),
            live: app::live::server::LiveBoard::new(),
            db,
            settings: std::sync::Arc::new(Settings::default()),
            clock: Clock::System,
            outbox_wake: std::sync::Arc::new(tokio::sync::Notify::new()),
            files: app::files::server::FileStore::from_settings(&Settings {
                files_dir: scratch_dir("files"),
                ..Settings::default()
            })
            .expect("file store"),
            parent: None,
        };
        TestApp { address: address.into(), state, smtp_port: None }
    }
}

/// One browser: its own cookie jar, and the `Origin` a page of ours would send.
pub struct Client {
    pub http: reqwest::Client,
    pub address: String,
    pub jar: std::sync::Arc<reqwest::cookie::Jar>,
}

impl TestApp {
    pub fn client(&self) -> Client {
        let mut headers = HeaderMap::new();
        headers.insert(ORIGIN, HeaderValue::from_str(&self.address).expect("origin"));
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let http =
            reqwest::Client::builder().cookie_provider(jar.clone()).default_headers(headers).build().expect("client");
        Client { http, address: self.address.clone(), jar }
    }

    /// The token of the newest link to `page` (`/account/reset`) mailed to `email`, read from the
    /// outbox (the mail exactly as it goes to the SMTP server).
    pub async fn mailed_token(&self, email: &str, page: &str) -> Option<String> {
        let rows: Vec<(String,)> = sqlx::query_as("SELECT body FROM outbox WHERE to_addr = $1 ORDER BY id DESC")
            .bind(email)
            .fetch_all(&self.state.db.pool)
            .await
            .expect("outbox");
        let marker = format!("{page}?token=");
        rows.iter()
            .find_map(|(body,)| body.split(marker.as_str()).nth(1))
            .and_then(|rest| rest.split_whitespace().next())
            .map(str::to_owned)
    }

    /// The token of the newest verification link mailed to `email`.
    pub async fn verification_token(&self, email: &str) -> String {
        self.mailed_token(email, "/verify").await.unwrap_or_else(|| panic!("no verification mail to {email}"))
    }

    /// A supervisor account made the way operators make the first one (`create-staff --role
    /// supervisor`).
    pub async fn create_staff(&self, email: &str, password: &str) {
        self.create_staff_as(email, password, StaffRole::Supervisor).await;
    }

    /// An agent account (`create-staff`, the default role).
    pub async fn create_agent(&self, email: &str, password: &str) {
        self.create_staff_as(email, password, StaffRole::Agent).await;
    }

    async fn create_staff_as(&self, email: &str, password: &str, role: StaffRole) {
        let email = Email::parse(email).expect("email");
        let password = Password::parse(password).expect("password");
        let now = self.state.clock.now_ms();
        create_user_with_role(&self.state.db, &email, &password, "スタッフ 佐藤", Role::Staff, Some(role), now)
            .await
            .expect("staff created");
    }
}

impl Client {
    /// Calls a server function by endpoint (`auth/login`) with a JSON body.
    pub async fn call(&self, endpoint: &str, body: Value) -> (u16, Value) {
        let response = self
            .http
            .post(format!("{}/api/{endpoint}", self.address))
            .header(CONTENT_TYPE, "application/json")
            .body(body.to_string())
            .send()
            .await
            .expect("request sent");
        let status = response.status().as_u16();
        let text = response.text().await.expect("body");
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }

    pub async fn register(&self, email: &str, password: &str, name: &str) -> (u16, Value) {
        self.call("auth/register", json!({ "input": { "email": email, "password": password, "display_name": name } }))
            .await
    }

    pub async fn verify(&self, token: &str) -> (u16, Value) {
        self.call("auth/verify", json!({ "token": token })).await
    }

    pub async fn login(&self, email: &str, password: &str) -> (u16, Value) {
        self.call("auth/login", json!({ "input": { "email": email, "password": password } })).await
    }

    /// The `Cookie` header this browser would send (for WebSocket handshakes).
    pub fn cookie_header(&self) -> String {
        use reqwest::cookie::CookieStore;
        let url = self.address.parse().expect("url");
        self.jar.cookies(&url).and_then(|v| v.to_str().ok().map(str::to_owned)).unwrap_or_default()
    }

    /// The logged-in user as the server's own type (for driving the socket logic directly).
    pub async fn user_view(&self) -> app::auth::UserView {
        serde_json::from_value(self.me().await).expect("logged in")
    }

    pub async fn me(&self) -> Value {
        self.call("auth/me", json!({})).await.1
    }
}

/// Two app instances on one fresh database, their clocks at a Wednesday noon in Tokyo: on
/// PostgreSQL really two (events cross between them through LISTEN/NOTIFY); SQLite runs one
/// instance, so both handles are the same server there.
pub async fn two_instances() -> (TestApp, TestApp) {
    let at = crate::chat_support::open_hours_at();
    let url = fresh_database_url().await;
    let one = spawn_app_on(url.clone(), Clock::manual(at), |_| {}).await;
    let two = if one.state.db.backend == app::infra::Backend::Postgres {
        spawn_app_on(url, Clock::manual(at), |_| {}).await
    } else {
        TestApp { address: one.address.clone(), state: one.state.clone(), smtp_port: one.smtp_port }
    };
    (one, two)
}
