use tracing_subscriber::{fmt, EnvFilter};

/// Structured logs on stderr: human-readable by default, JSON with `MADOGUCHI_LOG_FORMAT=json`.
/// Levels from `RUST_LOG` (default `info`, quieter for sqlx).
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let builder = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let result = if std::env::var("MADOGUCHI_LOG_FORMAT").as_deref() == Ok("json") {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
    // A second init (tests spawn many apps in one process) is fine to ignore.
    let _ = result;
}
