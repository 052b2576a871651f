//! Where the bytes live: one small trait, a directory on disk (the embedded default) and an
//! S3-compatible bucket (several instances). Blobs are named by the SHA-256 of their content, so
//! the same screenshot sent twice is kept once and a name can never point at other content.
use super::workers::ImageWorkers;
use crate::error::{AppError, AppResult};
use crate::infra::Settings;
use futures_util::future::BoxFuture;
use futures_util::TryStreamExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::sync::Semaphore;

pub trait BlobStore: Send + Sync {
    /// Stores `bytes` under `hash` (overwriting is harmless: same name, same content). Writing
    /// again refreshes the blob's time, which the purge's grace period relies on.
    fn put<'a>(&'a self, hash: &'a str, bytes: Vec<u8>) -> BoxFuture<'a, AppResult<()>>;
    fn get<'a>(&'a self, hash: &'a str) -> BoxFuture<'a, AppResult<Option<Vec<u8>>>>;
    /// Removes a blob; one that is already gone is fine.
    fn delete<'a>(&'a self, hash: &'a str) -> BoxFuture<'a, AppResult<()>>;
    /// Every blob's hash and when it was last written (ms since the epoch).
    fn list(&self) -> BoxFuture<'_, AppResult<Vec<(String, i64)>>>;
}

fn storage_error(what: &str, e: impl std::fmt::Display) -> AppError {
    tracing::error!(error = %e, "file storage: {what}");
    AppError::Internal
}

fn is_hash(name: &str) -> bool {
    name.len() == 64 && name.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

/// `<root>/ab/abcdef…`: two hex characters of fan-out keep directories small.
pub struct DiskStore {
    root: PathBuf,
}

impl DiskStore {
    pub fn new(root: PathBuf) -> DiskStore {
        DiskStore { root }
    }

    fn path(&self, hash: &str) -> PathBuf {
        self.root.join(&hash[..2]).join(hash)
    }
}

impl BlobStore for DiskStore {
    fn put<'a>(&'a self, hash: &'a str, bytes: Vec<u8>) -> BoxFuture<'a, AppResult<()>> {
        Box::pin(async move {
            let path = self.path(hash);
            let dir = path.parent().unwrap_or(&self.root).to_owned();
            tokio::fs::create_dir_all(&dir).await.map_err(|e| storage_error("mkdir", e))?;
            // Written beside and renamed: a reader never sees half a file.
            let partial = dir.join(format!(".{hash}.{}", crate::files::server::upload::random_id()));
            // The bytes move to the writing thread (`tokio::fs::write` would copy them first).
            tokio::task::spawn_blocking(move || {
                std::fs::write(&partial, bytes).and_then(|()| std::fs::rename(&partial, &path))
            })
            .await
            .map_err(|e| storage_error("write", e))?
            .map_err(|e| storage_error("write", e))
        })
    }

    fn get<'a>(&'a self, hash: &'a str) -> BoxFuture<'a, AppResult<Option<Vec<u8>>>> {
        Box::pin(async move {
            match tokio::fs::read(self.path(hash)).await {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(storage_error("read", e)),
            }
        })
    }

    fn delete<'a>(&'a self, hash: &'a str) -> BoxFuture<'a, AppResult<()>> {
        Box::pin(async move {
            match tokio::fs::remove_file(self.path(hash)).await {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(storage_error("delete", e)),
                _ => Ok(()),
            }
        })
    }

    fn list(&self) -> BoxFuture<'_, AppResult<Vec<(String, i64)>>> {
        let root = self.root.clone();
        Box::pin(async move {
            tokio::task::spawn_blocking(move || list_dir(&root))
                .await
                .map_err(|e| storage_error("list", e))?
                .map_err(|e| storage_error("list", e))
        })
    }
}

fn list_dir(root: &Path) -> std::io::Result<Vec<(String, i64)>> {
    let mut found = Vec::new();
    let Ok(fans) = std::fs::read_dir(root) else { return Ok(found) };
    for fan in fans.flatten() {
        if !fan.file_type()?.is_dir() || fan.file_name().len() != 2 {
            continue;
        }
        for blob in std::fs::read_dir(fan.path())?.flatten() {
            let name = blob.file_name().to_string_lossy().into_owned();
            // Only finished blobs; a write cut short by a crash leaves ".hash.random", harmless.
            if !is_hash(&name) {
                continue;
            }
            let modified = blob.metadata()?.modified()?;
            let ms = modified.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0);
            found.push((name, ms));
        }
    }
    Ok(found)
}

/// A bucket on AWS S3 or anything speaking its API (MinIO, Ceph, moto…), keys `files/<hash>`.
pub struct S3Store {
    store: object_store::aws::AmazonS3,
}

const S3_PREFIX: &str = "files";

impl S3Store {
    pub fn from_settings(settings: &Settings, bucket: &str) -> Result<S3Store, String> {
        let mut builder =
            object_store::aws::AmazonS3Builder::new().with_bucket_name(bucket).with_region(&settings.s3_region);
        if let Some(endpoint) = &settings.s3_endpoint {
            // Self-hosted servers: path-style addressing, and plain HTTP when the endpoint says so.
            builder = builder.with_endpoint(endpoint).with_allow_http(endpoint.starts_with("http://"));
        }
        if let (Some(key), Some(secret)) = (&settings.s3_access_key_id, &settings.s3_secret_access_key) {
            builder = builder.with_access_key_id(key).with_secret_access_key(secret);
        }
        let store = builder.build().map_err(|e| format!("S3 bucket {bucket}: {e}"))?;
        Ok(S3Store { store })
    }

    fn key(hash: &str) -> object_store::path::Path {
        object_store::path::Path::from(format!("{S3_PREFIX}/{hash}"))
    }
}

impl BlobStore for S3Store {
    fn put<'a>(&'a self, hash: &'a str, bytes: Vec<u8>) -> BoxFuture<'a, AppResult<()>> {
        use object_store::ObjectStore;
        Box::pin(async move {
            self.store.put(&S3Store::key(hash), bytes.into()).await.map_err(|e| storage_error("put", e))?;
            Ok(())
        })
    }

    fn get<'a>(&'a self, hash: &'a str) -> BoxFuture<'a, AppResult<Option<Vec<u8>>>> {
        use object_store::ObjectStore;
        Box::pin(async move {
            match self.store.get(&S3Store::key(hash)).await {
                Ok(found) => Ok(Some(found.bytes().await.map_err(|e| storage_error("get", e))?.to_vec())),
                Err(object_store::Error::NotFound { .. }) => Ok(None),
                Err(e) => Err(storage_error("get", e)),
            }
        })
    }

    fn delete<'a>(&'a self, hash: &'a str) -> BoxFuture<'a, AppResult<()>> {
        use object_store::ObjectStore;
        Box::pin(async move {
            match self.store.delete(&S3Store::key(hash)).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
                Err(e) => Err(storage_error("delete", e)),
            }
        })
    }

    fn list(&self) -> BoxFuture<'_, AppResult<Vec<(String, i64)>>> {
        use object_store::ObjectStore;
        Box::pin(async move {
            let prefix = object_store::path::Path::from(S3_PREFIX);
            let found: Vec<object_store::ObjectMeta> =
                self.store.list(Some(&prefix)).try_collect().await.map_err(|e| storage_error("list", e))?;
            Ok(found
                .into_iter()
                .filter_map(|meta| {
                    let name = meta.location.filename()?.to_owned();
                    Some((name, meta.last_modified.timestamp_millis()))
                })
                .collect())
        })
    }
}

/// The blob store in use, where uploads are spooled, and the re-encoding threads with their
/// slots (one slot per thread: an upload holds one from reading its spool file to storing).
#[derive(Clone)]
pub struct FileStore {
    pub blobs: Arc<dyn BlobStore>,
    pub spool: PathBuf,
    pub(super) slots: Arc<Semaphore>,
    pub(super) workers: Arc<ImageWorkers>,
}

impl FileStore {
    pub fn from_settings(settings: &Settings) -> Result<FileStore, String> {
        let blobs: Arc<dyn BlobStore> = match &settings.s3_bucket {
            Some(bucket) => Arc::new(S3Store::from_settings(settings, bucket)?),
            None => Arc::new(DiskStore::new(settings.files_dir.join("blobs"))),
        };
        let spool = settings.files_dir.join("spool");
        std::fs::create_dir_all(&spool).map_err(|e| format!("{}: {e}", spool.display()))?;
        let n = settings.image_concurrency.max(1);
        Ok(FileStore { blobs, spool, slots: Arc::new(Semaphore::new(n)), workers: Arc::new(ImageWorkers::start(n)) })
    }

    /// A blob's name is a hash we computed; anything else in the store is left alone.
    pub fn is_blob_name(name: &str) -> bool {
        is_hash(name)
    }
}
