//! argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane). Hashing takes tens of
//! milliseconds of CPU and 19 MiB of memory, so it runs on the blocking pool, never on the async
//! threads, and at most `hashing_concurrency` at once: a flood of sign-ups or logins waits in line
//! (and is refused as busy after `hashing_wait_ms`) instead of driving memory up.
//!
//! The gate is process-wide on purpose: memory is a property of the process, and the command-line
//! tools hash through the same functions.
use crate::error::{AppError, AppResult};
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::OnceLock;
use std::time::Duration;
use tokio::sync::Semaphore;

struct Gate {
    slots: Semaphore,
    wait: Duration,
}

static GATE: OnceLock<Gate> = OnceLock::new();

/// Sets the number of hashes computed at once and how long a request may wait for one. Called
/// once at startup; later calls are ignored (the first configuration wins).
pub fn configure(concurrency: usize, wait: Duration) {
    let _ = GATE.set(Gate { slots: Semaphore::new(concurrency.max(1)), wait });
}

fn gate() -> &'static Gate {
    GATE.get_or_init(|| Gate {
        slots: Semaphore::new(std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2)),
        wait: Duration::from_secs(10),
    })
}

fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Runs `work` on the blocking pool once a hashing slot is free.
async fn gated<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> AppResult<T> {
    let gate = gate();
    let _slot = match tokio::time::timeout(gate.wait, gate.slots.acquire()).await {
        Ok(Ok(slot)) => slot,
        Ok(Err(_)) => return Err(AppError::Internal),
        Err(_) => {
            tracing::warn!("password hashing queue full; request refused");
            return Err(AppError::Busy);
        }
    };
    tokio::task::spawn_blocking(work).await.map_err(|e| {
        tracing::error!(error = %e, "hashing task failed");
        AppError::Internal
    })
}

pub async fn hash(password: String) -> AppResult<String> {
    gated(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher().hash_password(password.as_bytes(), &salt).map(|h| h.to_string())
    })
    .await?
    .map_err(|e| {
        tracing::error!(error = %e, "hashing failed");
        AppError::Internal
    })
}

/// A valid hash of a random string, used when the account does not exist.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0VNeC5b+YyGM2zVVz3S1Lx4RDu3JCgTf5Z1bLHeA9mI";

pub async fn verify(password: String, stored: Option<String>) -> AppResult<bool> {
    let exists = stored.is_some();
    let stored = stored.unwrap_or_else(|| DUMMY_HASH.to_owned());
    let ok = gated(move || {
        PasswordHash::new(&stored)
            .map(|parsed| hasher().verify_password(password.as_bytes(), &parsed).is_ok())
            .unwrap_or(false)
    })
    .await?;
    Ok(ok && exists)
}
