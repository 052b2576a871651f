use super::{Clock, Db, Settings};
use std::sync::Arc;

/// Everything a request handler needs, handed to server functions as context.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub clock: Clock,
}
