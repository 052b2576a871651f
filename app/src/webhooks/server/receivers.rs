//! The configured receivers, checked once at start (`check-config` runs the same check).
use crate::infra::Settings;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receiver {
    /// Where to post (without a `slack+` prefix).
    pub url: String,
    /// `slack+https://…`: post a Slack-compatible `{"text": …}` line instead of the event.
    pub slack: bool,
    /// As written in the settings; stored with each delivery.
    pub configured: String,
}

#[derive(Debug, Clone)]
pub struct Receivers {
    pub list: Vec<Receiver>,
    pub secret: Vec<u8>,
}

impl Receivers {
    /// `Ok(None)`: no receivers configured (no events are written).
    pub fn from_settings(s: &Settings) -> Result<Option<Receivers>, String> {
        if s.webhook_urls.is_empty() {
            return Ok(None);
        }
        let secret = s.webhook_secret.as_deref().unwrap_or_default();
        if secret.chars().count() < 32 {
            return Err("webhook_secret: set at least 32 random characters when webhook_urls is set".into());
        }
        let list = s.webhook_urls.iter().map(|u| Receiver::parse(u)).collect::<Result<Vec<_>, _>>()?;
        Ok(Some(Receivers { list, secret: secret.as_bytes().to_vec() }))
    }
}

impl Receiver {
    pub fn parse(configured: &str) -> Result<Receiver, String> {
        let (slack, url) = match configured.strip_prefix("slack+") {
            Some(rest) => (true, rest),
            None => (false, configured),
        };
        let parsed = reqwest::Url::parse(url).map_err(|e| format!("webhook_urls: {configured:?}: {e}"))?;
        let loopback = matches!(parsed.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
        if parsed.scheme() != "https" && !(parsed.scheme() == "http" && loopback) {
            return Err(format!(
                "webhook_urls: {configured:?} must be https:// (plain http only on a loopback address)"
            ));
        }
        Ok(Receiver { url: url.to_owned(), slack, configured: configured.to_owned() })
    }
}
