use super::OutgoingMail;
use crate::infra::Settings;
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// The longest one SMTP conversation may take (the outbox lease is sized from it).
pub const SEND_TIMEOUT: Duration = Duration::from_secs(15);

/// SMTP delivery through lettre, configured from settings.
#[derive(Clone)]
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    pub fn from_settings(settings: &Settings) -> Result<Self, String> {
        let host = settings.smtp_host.as_str();
        let builder = match settings.smtp_tls.as_str() {
            "none" => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
            "starttls" => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host).map_err(|e| e.to_string())?,
            "tls" => AsyncSmtpTransport::<Tokio1Executor>::relay(host).map_err(|e| e.to_string())?,
            other => return Err(format!("smtp_tls must be none, starttls or tls, not {other:?}")),
        };
        let mut builder = builder.port(settings.smtp_port).timeout(Some(SEND_TIMEOUT));
        if let (Some(user), Some(pass)) = (&settings.smtp_username, &settings.smtp_password) {
            builder = builder.credentials(Credentials::new(user.clone(), pass.clone()));
        }
        let from = settings.mail_from.parse().map_err(|e| format!("mail_from: {e}"))?;
        Ok(SmtpMailer { transport: builder.build(), from })
    }

    /// Whether the SMTP server answers (connects and greets, with TLS and login as configured),
    /// for `madoguchi check-config --reach`.
    pub async fn check(&self) -> Result<(), String> {
        match self.transport.test_connection().await {
            Ok(true) => Ok(()),
            Ok(false) => Err("the server did not accept a NOOP".into()),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Sends one outbox row. Its Message-ID is derived from the row id, so should a mail ever go
    /// out twice (a worker dying between the SMTP "250 OK" and marking the row sent), the copies
    /// carry the same id and mail clients show one.
    pub async fn send(&self, outbox_id: i64, mail: &OutgoingMail) -> Result<(), String> {
        let to: Mailbox = mail.to.parse().map_err(|e| format!("recipient: {e}"))?;
        let message = Message::builder()
            .message_id(Some(format!("<outbox-{outbox_id}@{}>", self.from.email.domain())))
            .from(self.from.clone())
            .to(to)
            .subject(&mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| e.to_string())?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| e.to_string())
    }
}
