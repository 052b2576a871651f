use super::reply_address::ReplyAddresses;
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
    /// Signs reply addresses; `None` when replies by mail are not taken.
    replies: Option<ReplyAddresses>,
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
        Ok(SmtpMailer { transport: builder.build(), from, replies: ReplyAddresses::from_settings(settings) })
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
    /// carry the same id and mail clients show one; a bounce names the row by it, too.
    /// A mail about an inquiry refers to the inquiry's thread (one conversation in the member's
    /// mail app) and, when replies are taken, answers to the inquiry's signed reply address.
    pub async fn send(&self, outbox_id: i64, mail: &OutgoingMail, inquiry_id: Option<i64>) -> Result<(), String> {
        let to: Mailbox = mail.to.parse().map_err(|e| format!("recipient: {e}"))?;
        let domain = self.from.email.domain();
        let mut builder = Message::builder()
            .message_id(Some(format!("<{}>", outbox_message_id(outbox_id, domain))))
            .from(self.from.clone());
        if let Some(inquiry_id) = inquiry_id {
            let thread = format!("<inquiry-{inquiry_id}@{domain}>");
            builder = builder.in_reply_to(thread.clone()).references(thread);
            if let Some(replies) = &self.replies {
                let address = replies.address_for(inquiry_id).parse().map_err(|e| format!("reply address: {e}"))?;
                builder = builder.reply_to(Mailbox::new(self.from.name.clone(), address));
            }
        }
        let message = builder
            .to(to)
            .subject(&mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| e.to_string())?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| e.to_string())
    }
}

/// The Message-ID (without brackets) of outbox row `id`: how our own mails and bounces of them
/// are recognized when they come back.
pub fn outbox_message_id(id: i64, domain: &str) -> String {
    format!("outbox-{id}@{domain}")
}
