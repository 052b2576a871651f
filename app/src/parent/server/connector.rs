//! The HTTP client to the parent site, built so a slow, failing or lying parent site never slows
//! the desk or the wizard:
//! - every look-up is bounded by `parent_api_timeout_ms` (2 s by default), connection included;
//! - at most `parent_api_concurrency` look-ups are in flight per instance; more are answered
//!   "busy" at once instead of queueing behind a stalled parent;
//! - after `BREAKER_FAILURES` failures in a row look-ups pause for `BREAKER_PAUSE` (a circuit
//!   breaker), then one is let through to try again;
//! - answers are cached per member and question for `parent_api_cache_secs`;
//! - answers are read up to `MAX_BODY_BYTES`, their signature checked, and validated against the
//!   contract; anything else is refused and logged by reason.
use super::contract::{self, MAX_BODY_BYTES};
use super::signing::{self, Direction, Message, SIGNATURE_HEADER, TIMESTAMP_HEADER};
use crate::calendar::Day;
use crate::infra::Settings;
use crate::parent::{Click, Unavailable};
use reqwest::Url;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

const BREAKER_FAILURES: u32 = 5;
const BREAKER_PAUSE: Duration = Duration::from_secs(30);
/// Cached answers kept at most (a few hundred bytes each).
const CACHE_ENTRIES: usize = 10_000;

/// One question to the parent site.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Query {
    pub subject: String,
    pub shop: Option<String>,
    pub from: Day,
    pub to: Day,
}

pub struct Connector {
    http: reqwest::Client,
    base: Url,
    key: Vec<u8>,
    timeout: Duration,
    cache_ttl: Duration,
    slots: Semaphore,
    breaker: Mutex<Breaker>,
    cache: Mutex<HashMap<Query, Cached>>,
}

/// When an answer arrived, and its clicks.
type Cached = (Instant, Arc<Vec<Click>>);

#[derive(Default)]
struct Breaker {
    failures_in_row: u32,
    paused_until: Option<Instant>,
}

impl Connector {
    /// `Ok(None)` when the connector is not configured (both settings unset).
    pub fn from_settings(s: &Settings) -> Result<Option<Connector>, String> {
        let (url, key) = match (&s.parent_api_url, &s.parent_api_key) {
            (None, None) => return Ok(None),
            (Some(url), Some(key)) => (url, key),
            _ => return Err("parent_api_url and parent_api_key must be set together".into()),
        };
        if key.chars().count() < 32 {
            return Err("parent_api_key: use at least 32 random characters".into());
        }
        let mut base = Url::parse(url).map_err(|e| format!("parent_api_url: {e}"))?;
        let loopback = matches!(base.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
        if base.scheme() != "https" && !(base.scheme() == "http" && loopback) {
            return Err("parent_api_url: must be https:// (plain http only on a loopback address)".into());
        }
        if !base.path().ends_with('/') {
            base.set_path(&format!("{}/", base.path()));
        }
        let timeout = Duration::from_millis(s.parent_api_timeout_ms.clamp(100, 10_000));
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| format!("parent API client: {e}"))?;
        Ok(Some(Connector {
            http,
            base,
            key: key.as_bytes().to_vec(),
            timeout,
            cache_ttl: Duration::from_secs(s.parent_api_cache_secs),
            slots: Semaphore::new(s.parent_api_concurrency.max(1)),
            breaker: Mutex::new(Breaker::default()),
            cache: Mutex::new(HashMap::new()),
        }))
    }

    /// The member's clicks for the question, from the cache or the parent site. A member the
    /// parent site does not know has no clicks.
    pub async fn clicks(&self, q: &Query) -> Result<Arc<Vec<Click>>, Unavailable> {
        if let Some(hit) = self.cached(q) {
            return Ok(hit);
        }
        self.admit()?;
        let _slot = self.slots.try_acquire().map_err(|_| Unavailable::Busy)?;
        // The client's own timeout covers connecting and reading; this one also covers anything
        // between (a parent that trickles its body byte by byte).
        let outcome = match tokio::time::timeout(self.timeout, self.fetch(q)).await {
            Ok(result) => result,
            Err(_) => Err(Unavailable::Timeout),
        };
        match &outcome {
            Ok(clicks) => {
                self.settle(true);
                self.remember(q, clicks.clone());
            }
            Err(why) => {
                tracing::warn!(reason = ?why, "parent site look-up failed");
                self.settle(false);
            }
        }
        outcome
    }

    /// For `check-config --reach`: one signed question about a member nobody has, past the cache
    /// and the breaker. Fine when the parent site answers it within the contract (an empty list
    /// or "no such member"); otherwise why not.
    pub async fn reach(&self) -> Result<(), Unavailable> {
        let today = crate::calendar::Moment::from_millis(super::signing::now_secs() * 1000).tokyo().date;
        let q = Query { subject: "madoguchi-check-config".into(), shop: None, from: today, to: today };
        match tokio::time::timeout(self.timeout, self.fetch(&q)).await {
            Ok(result) => result.map(|_| ()),
            Err(_) => Err(Unavailable::Timeout),
        }
    }

    fn cached(&self, q: &Query) -> Option<Arc<Vec<Click>>> {
        let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        cache.get(q).filter(|(at, _)| at.elapsed() < self.cache_ttl).map(|(_, clicks)| clicks.clone())
    }

    fn remember(&self, q: &Query, clicks: Arc<Vec<Click>>) {
        if self.cache_ttl.is_zero() {
            return;
        }
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        if cache.len() >= CACHE_ENTRIES {
            let ttl = self.cache_ttl;
            cache.retain(|_, (at, _)| at.elapsed() < ttl);
            if cache.len() >= CACHE_ENTRIES {
                cache.clear();
            }
        }
        cache.insert(q.clone(), (Instant::now(), clicks));
    }

    /// Refuses while the breaker is open; once the pause is over, one failure opens it again.
    fn admit(&self) -> Result<(), Unavailable> {
        let mut b = self.breaker.lock().unwrap_or_else(|p| p.into_inner());
        match b.paused_until {
            Some(until) if Instant::now() < until => Err(Unavailable::Paused),
            Some(_) => {
                b.paused_until = None;
                b.failures_in_row = BREAKER_FAILURES - 1;
                Ok(())
            }
            None => Ok(()),
        }
    }

    fn settle(&self, ok: bool) {
        let mut b = self.breaker.lock().unwrap_or_else(|p| p.into_inner());
        if ok {
            b.failures_in_row = 0;
            return;
        }
        b.failures_in_row += 1;
        if b.failures_in_row >= BREAKER_FAILURES {
            tracing::warn!(pause_secs = BREAKER_PAUSE.as_secs(), "parent site failing; look-ups paused");
            b.paused_until = Some(Instant::now() + BREAKER_PAUSE);
        }
    }

    /// The request URL: `{base}v1/members/{subject}/clicks?from=…&to=…[&shop=…]`, every part
    /// percent-encoded by the URL type (a subject cannot add path segments or parameters).
    pub fn url(&self, q: &Query) -> Url {
        let mut url = self.base.clone();
        url.path_segments_mut().expect("an http(s) URL has a path").pop_if_empty().extend([
            "v1",
            "members",
            q.subject.as_str(),
            "clicks",
        ]);
        {
            let mut pairs = url.query_pairs_mut();
            pairs.append_pair("from", &q.from.to_string()).append_pair("to", &q.to.to_string());
            if let Some(shop) = &q.shop {
                pairs.append_pair("shop", shop);
            }
        }
        url
    }

    async fn fetch(&self, q: &Query) -> Result<Arc<Vec<Click>>, Unavailable> {
        let url = self.url(q);
        let path_and_query = match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        };
        let now = signing::now_secs();
        let request =
            Message { direction: Direction::Request, verb: "GET", path_and_query: &path_and_query, body: b"" };
        let mut response = self
            .http
            .get(url)
            .header(TIMESTAMP_HEADER, now.to_string())
            .header(SIGNATURE_HEADER, signing::sign(&self.key, &request, now))
            .send()
            .await
            .map_err(|e| if e.is_timeout() { Unavailable::Timeout } else { Unavailable::Failed })?;
        let status = response.status();
        if status.as_u16() == 404 {
            // The contract: 404 is "no such member" (never signed up there, or erased).
            return Ok(Arc::new(Vec::new()));
        }
        if !status.is_success() {
            tracing::warn!(status = status.as_u16(), "parent site answered with an error");
            return Err(Unavailable::Failed);
        }
        if response.content_length().is_some_and(|n| n > MAX_BODY_BYTES as u64) {
            tracing::warn!("parent site answer refused: larger than allowed");
            return Err(Unavailable::Invalid);
        }
        let header = |name| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let (timestamp, signature) = (header(TIMESTAMP_HEADER), header(SIGNATURE_HEADER));
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|_| Unavailable::Failed)? {
            if body.len() + chunk.len() > MAX_BODY_BYTES {
                tracing::warn!("parent site answer refused: larger than allowed");
                return Err(Unavailable::Invalid);
            }
            body.extend_from_slice(&chunk);
        }
        let answer = Message {
            direction: Direction::Response,
            verb: status.as_str(),
            path_and_query: &path_and_query,
            body: &body,
        };
        if let Err(why) =
            signing::verify(&self.key, &answer, timestamp.as_deref(), signature.as_deref(), signing::now_secs())
        {
            tracing::warn!(reason = ?why, "parent site answer refused: signature");
            return Err(Unavailable::Invalid);
        }
        contract::parse(&body, &q.subject).map(Arc::new).map_err(|e| {
            tracing::warn!(reason = %e, "parent site answer refused: contract");
            Unavailable::Invalid
        })
    }
}
