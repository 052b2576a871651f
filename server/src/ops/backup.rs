//! `madoguchi backup --to FILE` and `madoguchi restore --from FILE` for the embedded default.
//!
//! The backup is SQLite's `VACUUM INTO`: one read transaction on the live database, so the copy
//! is a consistent snapshot even while chats and submits go on (WAL lets the server keep writing),
//! written compacted to a new file. Attachments are not in the database: beside the copy goes a
//! manifest (`FILE.files.json`) of every blob the copy refers to, with its size as the store has
//! it now, so a restore can tell whether the files were copied along.
//!
//! PostgreSQL is backed up with its own tools (`pg_dump`/`pg_restore`, see the README).
use app::files::server::FileStore;
use app::infra::{Db, Settings};
use serde::{Deserialize, Serialize};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("backup and restore are for the embedded SQLite database; for PostgreSQL use pg_dump and pg_restore (see the README)")]
    NotSqlite,
    #[error("{0} already exists; choose a new file (nothing is overwritten)")]
    Exists(PathBuf),
    #[error("{0} does not exist")]
    Missing(PathBuf),
    #[error("{path}: the copy failed SQLite's integrity check: {detail}")]
    Corrupt { path: PathBuf, detail: String },
    #[error("the files directory or bucket is missing {0} file(s) the backup refers to (first: {1}); copy them back, then start")]
    FilesMissing(usize, String),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Other(String),
}

/// What the manifest says of the attachments' files.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    /// `disk:<blobs directory>` or `s3:<bucket>` when the backup was made.
    pub store: String,
    /// Every blob (by SHA-256) the backed-up database refers to, and its size in the store;
    /// `null` for one the store did not have at that moment.
    pub blobs: BTreeMap<String, Option<i64>>,
}

/// What a backup or restore did, for the operator.
#[derive(Debug)]
pub struct Report {
    pub database_bytes: u64,
    pub inquiries: i64,
    pub chat_messages: i64,
    pub files: usize,
    pub files_missing: usize,
}

/// The database file a `sqlite://` URL names, or `NotSqlite`.
pub fn sqlite_file(url: &str) -> Result<PathBuf, BackupError> {
    app::infra::db::sqlite_file(url).ok_or(BackupError::NotSqlite)
}

pub fn manifest_path(backup: &Path) -> PathBuf {
    let mut name = backup.as_os_str().to_owned();
    name.push(".files.json");
    PathBuf::from(name)
}

fn store_name(settings: &Settings) -> String {
    match &settings.s3_bucket {
        Some(bucket) => format!("s3:{bucket}"),
        None => format!("disk:{}", settings.files_dir.join("blobs").display()),
    }
}

async fn open(path: &Path, read_only: bool) -> Result<sqlx::SqliteConnection, BackupError> {
    let options = SqliteConnectOptions::new().filename(path).read_only(read_only).create_if_missing(false);
    Ok(options.connect().await?)
}

async fn integrity(path: &Path) -> Result<(), BackupError> {
    let mut conn = open(path, true).await?;
    let (result,): (String,) = sqlx::query_as("PRAGMA integrity_check").fetch_one(&mut conn).await?;
    conn.close().await?;
    if result != "ok" {
        return Err(BackupError::Corrupt { path: path.to_owned(), detail: result });
    }
    Ok(())
}

/// Counts for the report, and the blobs the database refers to.
async fn contents(path: &Path) -> Result<(i64, i64, Vec<String>), BackupError> {
    let mut conn = open(path, true).await?;
    let (inquiries,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM inquiries").fetch_one(&mut conn).await?;
    let (messages,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM chat_messages").fetch_one(&mut conn).await?;
    let blobs: Vec<(String,)> = sqlx::query_as(
        "SELECT sha256 FROM attachments UNION SELECT thumb_sha256 FROM attachments WHERE thumb_sha256 IS NOT NULL",
    )
    .fetch_all(&mut conn)
    .await?;
    conn.close().await?;
    Ok((inquiries, messages, blobs.into_iter().map(|(b,)| b).collect()))
}

async fn stored_blobs(settings: &Settings) -> Result<BTreeMap<String, i64>, BackupError> {
    let store = FileStore::from_settings(settings).map_err(BackupError::Other)?;
    let listed = store.blobs.list().await.map_err(|e| BackupError::Other(format!("listing the files: {e}")))?;
    Ok(listed.into_iter().collect())
}

/// Copies the running database named in `settings` to `to`, and writes the files manifest.
pub async fn backup(settings: &Settings, to: &Path) -> Result<Report, BackupError> {
    let live = sqlite_file(&settings.database_url)?;
    if !live.exists() {
        return Err(BackupError::Missing(live));
    }
    let manifest_file = manifest_path(to);
    for path in [to, manifest_file.as_path()] {
        if path.exists() {
            return Err(BackupError::Exists(path.to_owned()));
        }
    }
    // Read-only: the backup can never change the live database.
    let mut conn = open(&live, true).await?;
    sqlx::query("VACUUM INTO $1").bind(to.to_string_lossy().into_owned()).execute(&mut conn).await?;
    conn.close().await?;
    integrity(to).await?;
    let (inquiries, chat_messages, referenced) = contents(to).await?;
    let stored = stored_blobs(settings).await?;
    let blobs: BTreeMap<String, Option<i64>> =
        referenced.into_iter().map(|hash| (hash.clone(), stored.get(&hash).copied())).collect();
    let files_missing = blobs.values().filter(|size| size.is_none()).count();
    let manifest = Manifest { store: store_name(settings), blobs };
    let json = serde_json::to_vec_pretty(&manifest).map_err(|e| BackupError::Other(e.to_string()))?;
    std::fs::write(&manifest_file, json)?;
    Ok(Report {
        database_bytes: std::fs::metadata(to)?.len(),
        inquiries,
        chat_messages,
        files: manifest.blobs.len(),
        files_missing,
    })
}

/// Puts the backup `from` where `settings` says the database lives (which must not exist yet),
/// brings its schema up to this version, and checks the files it refers to are in the store.
pub async fn restore(settings: &Settings, from: &Path) -> Result<Report, BackupError> {
    let target = sqlite_file(&settings.database_url)?;
    if !from.exists() {
        return Err(BackupError::Missing(from.to_owned()));
    }
    if target.exists() && std::fs::metadata(&target)?.len() > 0 {
        return Err(BackupError::Exists(target));
    }
    integrity(from).await?;
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    // Copied beside the target and renamed: a half-written database is never at the target.
    let mut partial = target.as_os_str().to_owned();
    partial.push(".restoring");
    let partial = PathBuf::from(partial);
    std::fs::copy(from, &partial)?;
    std::fs::rename(&partial, &target)?;
    // Opening migrates: a backup from an older version comes up to this one.
    let db = Db::connect(&settings.database_url).await?;
    db.pool.close().await;
    let (inquiries, chat_messages, referenced) = contents(&target).await?;
    let stored = stored_blobs(settings).await?;
    let missing: Vec<&String> = referenced.iter().filter(|hash| !stored.contains_key(*hash)).collect();
    if let Some(first) = missing.first() {
        return Err(BackupError::FilesMissing(missing.len(), (*first).clone()));
    }
    Ok(Report {
        database_bytes: std::fs::metadata(&target)?.len(),
        inquiries,
        chat_messages,
        files: referenced.len(),
        files_missing: 0,
    })
}
