//! The inbound SMTP listener (`inbound_smtp_bind`): accepts connections from the organization's MX
//! or relay, a bounded number per client address, and runs one [`session`](super::session) each.
use super::queue::store;
use super::session::{run, Envelope, Gate, Limits};
use crate::infra::AppState;
use crate::mail::reply_address::{Recipient, ReplyAddresses};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::{Notify, Semaphore};

/// Connections open at once, from everyone together.
const MAX_CONNECTIONS: usize = 500;

struct StoreGate {
    state: AppState,
    addresses: Option<ReplyAddresses>,
    support: String,
    wake: Arc<Notify>,
}

impl Gate for StoreGate {
    fn accepts(&self, recipient: &str) -> bool {
        match &self.addresses {
            Some(a) => a.classify(recipient) != Recipient::Other,
            None => recipient.trim().eq_ignore_ascii_case(&self.support),
        }
    }

    async fn store(&self, envelope: Envelope, raw: Vec<u8>) -> Result<(), String> {
        let new = store(&self.state.db, &envelope, &raw, self.state.clock.now_ms()).await.map_err(|e| e.to_string())?;
        if new {
            metrics::counter!(crate::infra::metrics::INBOUND_MAILS, "outcome" => "stored").increment(1);
            self.wake.notify_one();
        } else {
            metrics::counter!(crate::infra::metrics::INBOUND_MAILS, "outcome" => "duplicate").increment(1);
        }
        Ok(())
    }
}

/// Open connections per client address; a guard gives its place back when the session ends.
#[derive(Default, Clone)]
struct PerClient(Arc<Mutex<HashMap<IpAddr, usize>>>);

struct Place(PerClient, IpAddr);

impl PerClient {
    fn enter(&self, ip: IpAddr, max: usize) -> Option<Place> {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let n = map.entry(ip).or_insert(0);
        if *n >= max {
            return None;
        }
        *n += 1;
        Some(Place(self.clone(), ip))
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        let mut map = self.0 .0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = map.get_mut(&self.1) {
            *n -= 1;
            if *n == 0 {
                map.remove(&self.1);
            }
        }
    }
}

/// Serves until the process ends.
pub fn spawn_listener(listener: TcpListener, state: AppState, wake: Arc<Notify>) -> tokio::task::JoinHandle<()> {
    let addresses = ReplyAddresses::from_settings(&state.settings);
    let support = crate::mail::reply_address::support_address(&state.settings.mail_from);
    let host = support.rsplit_once('@').map(|(_, d)| d.to_owned()).unwrap_or_else(|| "madoguchi".into());
    let limits = Arc::new(Limits {
        max_bytes: state.settings.inbound_max_bytes,
        max_recipients: 100,
        idle: Duration::from_secs(60),
        max_errors: 10,
        host,
    });
    let per_client_max = state.settings.inbound_connections_per_client;
    let gate = Arc::new(StoreGate { state, addresses, support, wake });
    let everyone = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let per_client = PerClient::default();
    tokio::spawn(async move {
        loop {
            let (socket, peer) = match listener.accept().await {
                Ok(accepted) => accepted,
                Err(e) => {
                    tracing::warn!(error = %e, "inbound SMTP accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            let (gate, limits) = (gate.clone(), limits.clone());
            let place = per_client.enter(peer.ip(), per_client_max);
            let permit = everyone.clone().try_acquire_owned().ok();
            // Replies are small and each waits for the next command: send them at once.
            let _ = socket.set_nodelay(true);
            tokio::spawn(async move {
                let (reader, mut writer) = socket.into_split();
                if place.is_none() || permit.is_none() {
                    use tokio::io::AsyncWriteExt;
                    let _ = writer.write_all(b"421 4.7.0 too many connections, try again later\r\n").await;
                    metrics::counter!(crate::infra::metrics::INBOUND_REFUSED, "why" => "connections").increment(1);
                    return;
                }
                let reader = tokio::io::BufReader::with_capacity(16 * 1024, reader);
                if let Err(e) = run(reader, writer, &*gate, &limits, peer.ip().to_string()).await {
                    tracing::debug!(error = %e, "inbound SMTP session ended");
                }
                drop(place);
            });
        }
    })
}
