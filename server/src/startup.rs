//! Building and running the server: state, routes, layers.
use crate::origin::{self, AllowedOrigins};
use app::chat::server::{ws_handler, ChatHub};
use app::infra::{AppState, Clock, Db, Settings};
use app::mail::{spawn_worker, SmtpMailer};
use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::extract::{MatchedPath, Request, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post, MethodRouter};
use axum::{middleware, Router};
use leptos::prelude::provide_context;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

pub struct Application {
    listener: TcpListener,
    /// `GET /metrics` for a scraper on a private network (`metrics_bind`), when set.
    metrics_listener: Option<TcpListener>,
    /// The inbound SMTP listener (`inbound_smtp_bind`), when set.
    smtp_port: Option<u16>,
    state: AppState,
}

impl Application {
    /// Connects (and migrates) the database and binds the listener; `bind` port 0 picks a free
    /// port, as the tests do.
    pub async fn build(settings: Settings) -> Result<Application, BoxError> {
        let clock = clock_from(&settings)?;
        Self::build_with_clock(settings, clock).await
    }

    /// As [`Application::build`] with a given clock (tests move a manual one).
    pub async fn build_with_clock(settings: Settings, clock: Clock) -> Result<Application, BoxError> {
        let db = Db::connect(&settings.database_url).await?;
        app::contact::server::seed_categories(&db).await.map_err(|e| format!("seeding categories: {e}"))?;
        app::faq::server::seed_faq(&db, clock.now_ms()).await.map_err(|e| format!("seeding the help center: {e}"))?;
        let mailer = SmtpMailer::from_settings(&settings)?;
        app::auth::server::configure_hashing(
            settings.hashing_concurrency,
            Duration::from_millis(settings.hashing_wait_ms),
        );
        let listener = TcpListener::bind(&settings.bind).await?;
        let metrics_listener = match &settings.metrics_bind {
            Some(bind) => Some(TcpListener::bind(bind).await.map_err(|e| format!("metrics listener on {bind}: {e}"))?),
            None => None,
        };
        let smtp_listener = match &settings.inbound_smtp_bind {
            Some(bind) => {
                Some(TcpListener::bind(bind).await.map_err(|e| format!("inbound SMTP listener on {bind}: {e}"))?)
            }
            None => None,
        };
        crate::ops::metrics::handle();
        let outbox_wake = Arc::new(Notify::new());
        let poll = Duration::from_millis(settings.outbox_poll_ms);
        spawn_worker(db.clone(), mailer, clock.clone(), outbox_wake.clone(), poll);
        let chat = ChatHub::new(db.backend);
        let live = app::live::server::LiveBoard::new();
        let files = app::files::server::FileStore::from_settings(&settings)?;
        let parent = app::parent::server::Connector::from_settings(&settings)?.map(Arc::new);
        let state = AppState { db, settings: Arc::new(settings), clock, outbox_wake, chat, live, files, parent };
        app::chat::server::spawn_chat_tasks(state.clone());
        app::live::server::spawn_live_task(state.clone());
        app::infra::purge::spawn_purge_task(state.clone());
        // Rows stored before search existed are indexed once, in the background.
        app::search::server::backfill::spawn(state.clone());
        // Auto-close, due alerts and auto-assign: every instance tries, the lease holder runs them.
        app::rules::server::runner::spawn(state.clone());
        // Events out, when receivers are configured (a bad receiver stops the start, as
        // `check-config` would say).
        if let Some(receivers) = app::webhooks::server::Receivers::from_settings(&state.settings)? {
            app::webhooks::server::worker::spawn(state.clone(), receivers);
        }
        // Inbound mail is processed by every instance (leases share the queue), listened for
        // only where `inbound_smtp_bind` is set.
        let inbound_wake = Arc::new(Notify::new());
        // Two workers: one parses while the other writes (leases keep them off each other's mail).
        for _ in 0..2 {
            app::mail::inbound::server::spawn_worker(state.clone(), inbound_wake.clone());
        }
        let smtp_port = smtp_listener.as_ref().and_then(|l| l.local_addr().ok()).map(|a| a.port());
        if let Some(listener) = smtp_listener {
            app::mail::inbound::server::spawn_listener(listener, state.clone(), inbound_wake);
        }
        Ok(Application { listener, metrics_listener, smtp_port, state })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    /// The metrics listener's port, when there is one.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics_listener.as_ref().and_then(|l| l.local_addr().ok()).map(|a| a.port())
    }

    /// The inbound SMTP listener's port, when there is one.
    pub fn smtp_port(&self) -> Option<u16> {
        self.smtp_port
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub async fn run_until_stopped(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        if let Some(listener) = self.metrics_listener {
            // Ends with the process; a scrape in flight at shutdown does not hold it up.
            let metrics = crate::ops::metrics::private_router(self.state.clone());
            tokio::spawn(async move {
                if let Err(e) = axum::serve(listener, metrics).await {
                    tracing::error!(error = %e, "metrics listener stopped");
                }
            });
        }
        let app = router(self.state);
        axum::serve(self.listener, app.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(shutdown)
            .await
    }
}

/// The real clock, or a pinned one. Pinning is for tests and demos: a release build refuses it
/// unless `allow_fake_now` says so, so production cannot run on a wrong date by accident.
pub fn clock_from(settings: &Settings) -> Result<Clock, BoxError> {
    let Some(raw) = &settings.fake_now else {
        return Ok(Clock::System);
    };
    if !cfg!(debug_assertions) && !settings.allow_fake_now {
        return Err("MADOGUCHI_FAKE_NOW is refused in a release build without MADOGUCHI_ALLOW_FAKE_NOW=true".into());
    }
    let at = chrono::DateTime::parse_from_rfc3339(raw).map_err(|e| format!("MADOGUCHI_FAKE_NOW: {e}"))?;
    tracing::warn!(fake_now = %at, "clock pinned");
    Ok(Clock::pinned(at.with_timezone(&chrono::Utc)))
}

pub fn router(state: AppState) -> Router {
    let dist = state.settings.dist_dir.clone();
    let allowed = AllowedOrigins(Arc::new(state.settings.allowed_origins.clone()));
    let body_limit = state.settings.body_limit_bytes;
    let security = crate::headers::security_headers(&dist, state.settings.secure_cookies);
    // Uploads stream past the 64 KiB every other request is held to; the handler enforces the
    // file size limit itself while the bytes arrive.
    let uploads = upload_routes()
        .into_iter()
        .fold(Router::new(), |router, (path, handler)| router.route(path, handler))
        .with_state(state.clone())
        .layer(middleware::from_fn_with_state(allowed.clone(), origin::check))
        .layer(DefaultBodyLimit::disable());
    let router = routes()
        .into_iter()
        .fold(Router::new(), |router, (path, handler)| router.route(path, handler))
        .fallback_service(crate::site::service(&dist))
        .with_state(state)
        .layer(middleware::from_fn_with_state(allowed, origin::check))
        .layer(RequestBodyLimitLayer::new(body_limit));
    let router = uploads.merge(router);
    // A served attachment brings its own, stricter policy; every other response gets the site's.
    let router = security.into_iter().fold(router, |router, (name, value)| {
        if name == axum::http::header::CONTENT_SECURITY_POLICY {
            router.layer(SetResponseHeaderLayer::if_not_present(name, value))
        } else {
            router.layer(SetResponseHeaderLayer::overriding(name, value))
        }
    });
    router
        .layer(middleware::from_fn(crate::ops::metrics::track))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request<Body>| {
            let route = req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned());
            tracing::info_span!("http", method = %req.method(), route = route.as_deref().unwrap_or("static"), path = %req.uri().path())
        }))
}

/// Every HTTP route besides the site's pages. Each one checks its caller itself (server functions
/// through `require_member`/`require_staff`, the others through the `Member`/`Staff` extractors);
/// the authorization-matrix test reads this list, so a new route without an entry there fails.
fn routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/healthz", get(healthz)),
        // The operator's scraper only (a bearer token; see ops/metrics.rs).
        ("/metrics", get(crate::ops::metrics::public_metrics)),
        ("/api/{*fn_name}", get(server_fn_handler).post(server_fn_handler)),
        ("/ws/chat", get(ws_handler)),
        ("/ws/desk", get(app::desk::server::desk_socket)),
        ("/api/live", get(app::live::server::live_stream)),
        ("/api/insights/surveys.csv", get(app::insights::server::surveys_csv)),
        ("/api/admin/inquiries.csv", get(app::contact::server::inquiries_csv)),
        ("/api/admin/audit.csv", get(app::audit::server::audit_csv)),
        ("/sso/jwt", get(app::auth::server::sso_handoff)),
        ("/api/account/export.json", get(app::account::server::export_json)),
        ("/files/{id}", get(app::files::server::download)),
        ("/files/{id}/thumb", get(app::files::server::thumbnail)),
        // Public pages crawlers and link previews read (see seo.rs); the rest of the site's pages
        // come from the fallback below.
        ("/robots.txt", get(crate::seo::robots)),
        ("/sitemap.xml", get(crate::seo::sitemap)),
        ("/faq", get(crate::seo::help_center)),
        ("/faq/{id}", get(crate::seo::help_article)),
        ("/ideas", get(crate::seo::adopted_board)),
        ("/ideas/board", get(crate::seo::idea_board)),
        ("/", get(crate::seo::public_page)),
        ("/contact", get(crate::seo::public_page)),
        ("/chat", get(crate::seo::public_page)),
        ("/privacy", get(crate::seo::public_page)),
        ("/terms", get(crate::seo::public_page)),
    ]
}

/// Routes with their own body limit (see `router`).
fn upload_routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![("/api/files", post(app::files::server::upload))]
}

pub fn route_paths() -> Vec<&'static str> {
    routes().into_iter().chain(upload_routes()).map(|(path, _)| path).collect()
}

async fn server_fn_handler(State(state): State<AppState>, req: Request<Body>) -> impl IntoResponse {
    leptos_axum::handle_server_fns_with_context(move || provide_context(state.clone()), req).await
}

async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
