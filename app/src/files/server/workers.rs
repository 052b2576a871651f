//! The threads images are decoded and encoded on: a few of their own, not tokio's blocking pool.
//! The allocator keeps a per-thread arena of what a thread freed; a 20 MB decode on a different
//! pool thread each time leaves such a block in arena after arena (measured: 651 MiB RSS for 50
//! parallel 5.8 MB photos on the blocking pool). On a fixed handful of threads the same blocks are
//! reused, and the semaphore in front of them keeps the queue as short as the pool.
use crate::error::{AppError, AppResult};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};

type Job = Box<dyn FnOnce() + Send>;

pub struct ImageWorkers {
    jobs: Sender<Job>,
}

impl ImageWorkers {
    /// `n` threads; they end when the last handle is dropped.
    pub fn start(n: usize) -> ImageWorkers {
        let (jobs, queue) = channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for i in 0..n.max(1) {
            let queue: Arc<Mutex<Receiver<Job>>> = queue.clone();
            let spawned = std::thread::Builder::new().name(format!("image-{i}")).spawn(move || loop {
                let next = queue.lock().map_err(|_| ()).and_then(|q| q.recv().map_err(|_| ()));
                match next {
                    Ok(job) => job(),
                    Err(()) => return,
                }
            });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "cannot start an image thread");
            }
        }
        ImageWorkers { jobs }
    }

    /// Runs `work` on one of the threads and answers its result.
    pub async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> AppResult<T> {
        let (done, result) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = done.send(work());
        });
        self.jobs.send(job).map_err(|_| AppError::Internal)?;
        result.await.map_err(|_| {
            tracing::error!("an image job ended without an answer");
            AppError::Internal
        })
    }
}
