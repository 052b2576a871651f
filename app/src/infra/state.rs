use super::{Clock, Db, Settings};
use std::sync::Arc;
use tokio::sync::Notify;

/// Everything a request handler needs, handed to server functions as context.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub clock: Clock,
    /// Wakes the outbox worker when a mail is queued, so it goes out at once.
    pub outbox_wake: Arc<Notify>,
    pub chat: Arc<crate::chat::server::ChatHub>,
    /// The live-conditions snapshot members see (`crate::live`).
    pub live: Arc<crate::live::server::LiveBoard>,
    /// Attachments' blob store (disk or S3), upload spool and re-encoding slots.
    pub files: crate::files::server::FileStore,
    /// The parent site's member-activity API, when configured (`crate::parent`).
    pub parent: Option<Arc<crate::parent::server::Connector>>,
}
