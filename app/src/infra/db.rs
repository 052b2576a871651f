//! Storage: one `AnyPool` whose SQL runs on both SQLite and PostgreSQL (`$1` placeholders work on
//! both; timestamps are epoch milliseconds in BIGINT; flags are integers).
use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A value bound to a statement built at run time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    Int(i64),
    Text(String),
}

#[derive(Debug, Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    pub url: String,
}

impl Db {
    /// Opens the database named by `url`, creating an SQLite file (and its folder) on first start,
    /// and applies pending migrations.
    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        install_default_drivers();
        let backend = if url.starts_with("postgres") { Backend::Postgres } else { Backend::Sqlite };
        let url = match backend {
            Backend::Sqlite => sqlite_url(url)?,
            Backend::Postgres => url.to_owned(),
        };
        let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
        let pool = match backend {
            Backend::Sqlite => {
                options
                    .max_connections(8)
                    .after_connect(|conn, _meta| {
                        Box::pin(async move {
                            // WAL lets readers proceed while one writer commits; the busy timeout
                            // queues writers instead of failing them.
                            conn.execute("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;").await?;
                            Ok(())
                        })
                    })
                    .connect(&url)
                    .await?
            }
            Backend::Postgres => options.max_connections(16).connect(&url).await?,
        };
        let db = Db { pool, backend, url };
        db.migrate().await?;
        Ok(db)
    }

    /// The database's plan for a statement, a line per step (`EXPLAIN QUERY PLAN` on SQLite,
    /// `EXPLAIN` on PostgreSQL), with its values bound as they would be. For the benchmarks'
    /// reports: the README prints the plans the desk relies on.
    pub async fn plan(&self, sql: &str, params: &[Param]) -> Result<Vec<String>, sqlx::Error> {
        let (prefix, column) = match self.backend {
            Backend::Sqlite => ("EXPLAIN QUERY PLAN ", 3),
            Backend::Postgres => ("EXPLAIN ", 0),
        };
        let explained = format!("{prefix}{sql}");
        let mut query = sqlx::query(&explained);
        for param in params {
            query = match param {
                Param::Int(v) => query.bind(*v),
                Param::Text(v) => query.bind(v.as_str()),
            };
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter().map(|row| sqlx::Row::try_get::<String, _>(row, column)).collect()
    }

    async fn migrate(&self) -> Result<(), sqlx::Error> {
        match self.backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&self.pool).await?,
            Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&self.pool).await?,
        }
        Ok(())
    }

    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1").execute(&self.pool).await.map(|_| ())
    }
}

/// The file a `sqlite://…` (or `sqlite:…`) URL names, without its options; `None` for another
/// database. Also used by the backup and restore commands.
pub fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    Some(path.split('?').next().unwrap_or(path).into())
}

/// `sqlite://data/x.db` → ensure `data/` exists and ask SQLite to create the file.
fn sqlite_url(url: &str) -> Result<String, sqlx::Error> {
    let file = sqlite_file(url).unwrap_or_default();
    if let Some(parent) = file.parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).map_err(sqlx::Error::Io)?;
        }
    }
    Ok(if url.contains('?') { url.to_owned() } else { format!("sqlite://{}?mode=rwc", file.display()) })
}
