//! argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane). Hashing takes tens of
//! milliseconds of CPU and 19 MiB of memory, so it runs off the async threads, at most
//! `hashing_concurrency` at once: a flood of sign-ups or logins waits in line (and is refused as
//! busy after `hashing_wait_ms`) instead of driving memory up.
//!
//! It runs on its own fixed threads, not tokio's blocking pool: glibc gives each thread its own
//! malloc arena and keeps a freed 19 MiB block there, so hashes spread over the pool's changing
//! threads left ~19 MiB behind per thread (measured: +500 MiB RSS after 20 sign-ups). A fixed
//! thread per slot reuses its one block: memory stays at slots × 19 MiB.
//!
//! The gate is process-wide on purpose: memory is a property of the process, and the command-line
//! tools hash through the same functions.
use crate::error::{AppError, AppResult};
use argon2::password_hash::{rand_core::OsRng, Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::cell::RefCell;
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tokio::sync::Semaphore;

type Job = Box<dyn FnOnce() + Send>;

struct Gate {
    slots: Semaphore,
    wait: Duration,
    workers: Sender<Job>,
}

impl Gate {
    fn new(concurrency: usize, wait: Duration) -> Gate {
        let concurrency = concurrency.max(1);
        let (workers, jobs) = channel::<Job>();
        let jobs = Arc::new(Mutex::new(jobs));
        for i in 0..concurrency {
            let jobs = jobs.clone();
            let spawned = std::thread::Builder::new().name(format!("argon2-{i}")).spawn(move || loop {
                // The lock is held only while waiting for the next job, never while hashing.
                let job = match jobs.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                match job {
                    // A panic ends that job (its caller sees an internal error), not the thread.
                    Ok(job) => {
                        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                    }
                    Err(_) => return,
                }
            });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "could not start a hashing thread");
            }
        }
        Gate { slots: Semaphore::new(concurrency), wait, workers }
    }
}

static GATE: OnceLock<Gate> = OnceLock::new();

/// Sets the number of hashes computed at once and how long a request may wait for one. Called
/// once at startup; later calls are ignored (the first configuration wins).
pub fn configure(concurrency: usize, wait: Duration) {
    if GATE.get().is_none() {
        let _ = GATE.set(Gate::new(concurrency, wait));
    }
}

fn gate() -> &'static Gate {
    GATE.get_or_init(|| {
        Gate::new(std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2), Duration::from_secs(10))
    })
}

fn params() -> Params {
    Params::new(19 * 1024, 2, 1, Some(32)).unwrap_or_default()
}

fn hasher(params: Params) -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

thread_local! {
    /// Each hashing thread's 19 MiB of argon2 memory, allocated once and reused: letting the
    /// library allocate and free it per hash left a freed block behind in the allocator each time
    /// (measured: +19 MiB RSS per sign-up).
    static BLOCKS: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// `password` hashed with `salt` under `params` into `out`, in this thread's reusable memory.
fn compute(params: Params, password: &[u8], salt: &[u8], out: &mut [u8]) -> argon2::Result<()> {
    BLOCKS.with_borrow_mut(|blocks| {
        let needed = params.block_count();
        if blocks.len() < needed {
            blocks.resize(needed, Block::default());
        }
        hasher(params).hash_password_into_with_memory(password, salt, out, &mut blocks[..needed])
    })
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) for `password`.
fn hash_now(password: &[u8]) -> Result<String, String> {
    let params = params();
    let salt = SaltString::generate(&mut OsRng);
    let mut salt_bytes = [0u8; 64];
    let salt_raw = salt.decode_b64(&mut salt_bytes).map_err(|e| e.to_string())?;
    let mut out = [0u8; 32];
    compute(params.clone(), password, salt_raw, &mut out).map_err(|e| e.to_string())?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|e| e.to_string())?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).map_err(|e| e.to_string())?),
    };
    Ok(phc.to_string())
}

/// Whether `password` matches the PHC string `stored` (constant-time comparison of the outputs).
fn verify_now(password: &[u8], stored: &str) -> bool {
    let Ok(phc) = PasswordHash::new(stored) else { return false };
    let (Some(salt), Some(expected)) = (phc.salt, phc.hash) else { return false };
    let Ok(params) = Params::try_from(&phc) else { return false };
    if phc.algorithm != Algorithm::Argon2id.ident() {
        return false;
    }
    let mut salt_bytes = [0u8; 64];
    let Ok(salt_raw) = salt.decode_b64(&mut salt_bytes) else { return false };
    let mut out = vec![0u8; expected.len()];
    if compute(params, password, salt_raw, &mut out).is_err() {
        return false;
    }
    Output::new(&out).is_ok_and(|computed| computed == expected)
}

/// Runs `work` on a hashing thread once a slot is free.
async fn gated<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> AppResult<T> {
    let gate = gate();
    let waiting = crate::infra::metrics::HashingWait::start();
    let acquired = tokio::time::timeout(gate.wait, gate.slots.acquire()).await;
    drop(waiting);
    let _slot = match acquired {
        Ok(Ok(slot)) => slot,
        Ok(Err(_)) => return Err(AppError::Internal),
        Err(_) => {
            crate::infra::metrics::hashing_refused();
            tracing::warn!("password hashing queue full; request refused");
            return Err(AppError::Busy);
        }
    };
    let (done, result) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = done.send(work());
    });
    if gate.workers.send(job).is_err() {
        tracing::error!("hashing threads are gone");
        return Err(AppError::Internal);
    }
    // A panicking hash drops `done`: report it instead of waiting forever.
    result.await.map_err(|_| {
        tracing::error!("hashing task failed");
        AppError::Internal
    })
}

pub async fn hash(password: String) -> AppResult<String> {
    gated(move || hash_now(password.as_bytes())).await?.map_err(|e| {
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
    let ok = gated(move || verify_now(password.as_bytes(), &stored)).await?;
    Ok(ok && exists)
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::{PasswordHasher, PasswordVerifier};

    #[test]
    fn our_hashes_are_standard_phc_strings_both_ways() {
        let ours = hash_now(b"correct horse").unwrap();
        assert!(ours.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{ours}");
        // The library's own verifier accepts ours, and ours accepts the library's.
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(hasher(params()).verify_password(b"correct horse", &parsed).is_ok());
        let salt = SaltString::generate(&mut OsRng);
        let theirs = hasher(params()).hash_password(b"battery staple", &salt).unwrap();
        assert!(verify_now(b"battery staple", &theirs.to_string()));
        assert!(!verify_now(b"wrong", &ours));
        assert!(verify_now(b"correct horse", &ours));
        assert!(!verify_now(b"x", "not a hash"));
    }

    #[test]
    fn the_dummy_hash_is_valid_and_matches_nothing_typed() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
        assert!(!verify_now(b"password-123", DUMMY_HASH));
    }
}
