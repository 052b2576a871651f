//! Reading a raw mail as it really arrives (ISO-2022-JP, Shift_JIS, EUC-JP, UTF-8; encoded words,
//! quoted-printable, base64, multipart, HTML-only) with `mail-parser`, into what the desk needs.
//! Nothing here trusts the mail: every text is capped, HTML only ever becomes plain text.
use super::quote::unflow;
use mail_parser::{MessageParser, MimeHeaders, PartType};

/// Longest text kept from one mail (a reply is words, not a book; the raw mail keeps the rest
/// for as long as raw mails are kept).
pub const MAX_TEXT_CHARS: usize = 20_000;
const MAX_SUBJECT_CHARS: usize = 300;
/// Files beyond this many in one mail are listed as refused.
pub const MAX_FILES: usize = 10;

#[derive(Debug, Clone)]
pub struct MailFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Default)]
pub struct Incoming {
    pub message_id: Option<String>,
    /// The From address, lowercased.
    pub from: Option<String>,
    pub subject: String,
    /// The body as plain text, `\n` line ends.
    pub text: String,
    pub auto_reply: bool,
    /// A delivery status notification (or a carrier's plain-text rejection) rather than a reply.
    pub report: bool,
    pub files: Vec<MailFile>,
    /// Files left out (too many), by name.
    pub files_over: Vec<String>,
}

fn cap(text: &str, max: usize) -> String {
    text.chars().filter(|c| *c != '\0').take(max).collect()
}

/// The Message-ID of a raw mail from its headers alone (for storing it once).
pub fn message_id_of(raw: &[u8]) -> Option<String> {
    let message = MessageParser::new().parse_headers(raw)?;
    message.message_id().map(|id| cap(id.trim(), 900)).filter(|id| !id.is_empty())
}

pub fn parse(raw: &[u8]) -> Option<Incoming> {
    let message = MessageParser::default().parse(raw)?;
    // A mail with no headers at all is not a mail.
    if message.headers().is_empty() {
        return None;
    }
    let from = message.from().and_then(|a| a.first()).and_then(|a| a.address()).map(|a| a.trim().to_lowercase());
    let subject = cap(message.subject().unwrap_or_default(), MAX_SUBJECT_CHARS);
    let text = match message.text_part(0) {
        Some(part) => {
            let body = message.body_text(0).unwrap_or_default();
            let flowed = part
                .content_type()
                .and_then(|ct| ct.attribute("format"))
                .is_some_and(|f| f.eq_ignore_ascii_case("flowed"));
            let delsp =
                part.content_type().and_then(|ct| ct.attribute("delsp")).is_some_and(|d| d.eq_ignore_ascii_case("yes"));
            if flowed && !part.is_text_html() {
                unflow(&body, delsp)
            } else {
                body.replace("\r\n", "\n")
            }
        }
        None => String::new(),
    };
    let report = message.root_part().content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case("multipart")
            && ct.subtype().is_some_and(|s| s.eq_ignore_ascii_case("report"))
            && ct.attribute("report-type").is_some_and(|t| t.eq_ignore_ascii_case("delivery-status"))
    });
    let mut files = Vec::new();
    let mut files_over = Vec::new();
    for part in message.attachments() {
        // A forwarded or bounced mail inside this one is not a file the member sent.
        if matches!(part.body, PartType::Message(_)) {
            continue;
        }
        let name = cap(part.attachment_name().unwrap_or("attachment"), 120);
        if files.len() >= MAX_FILES {
            files_over.push(name);
            continue;
        }
        files.push(MailFile { name, bytes: part.contents().to_vec() });
    }
    Some(Incoming {
        message_id: message.message_id().map(|id| cap(id.trim(), 900)),
        from,
        subject,
        text: cap(&text, MAX_TEXT_CHARS),
        auto_reply: is_auto_reply(&message, message.subject().unwrap_or_default()),
        report,
        files,
        files_over,
    })
}

/// Out-of-office and other automatic answers (RFC 3834 `Auto-Submitted`, the common X- headers,
/// bulk precedence, and the subjects vacation responders use): never a follow-up, never answered.
fn is_auto_reply(message: &mail_parser::Message<'_>, subject: &str) -> bool {
    let header = |name: &str| -> Option<String> {
        message.headers_raw().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim().to_ascii_lowercase())
    };
    if header("Auto-Submitted").is_some_and(|v| !v.starts_with("no")) {
        return true;
    }
    if header("X-Autoreply").is_some()
        || header("X-Autorespond").is_some()
        || header("X-Auto-Response-Suppress").is_some_and(|v| v.contains("all"))
    {
        return true;
    }
    if header("Precedence").is_some_and(|v| matches!(v.as_str(), "bulk" | "junk" | "list" | "auto_reply")) {
        return true;
    }
    let s = subject.trim().to_lowercase();
    ["auto:", "automatic reply", "out of office", "自動応答", "自動返信", "不在通知", "不在のお知らせ", "autoreply"]
        .iter()
        .any(|p| s.starts_with(p))
}

/// Whether any `In-Reply-To`/`References` id or the Message-ID is one of ours (`outbox-N@domain`).
pub fn mentions_outbox(message_id: Option<&str>, domain: &str) -> bool {
    message_id.is_some_and(|id| {
        let id = id.trim_matches(|c| c == '<' || c == '>').to_ascii_lowercase();
        id.starts_with("outbox-") && id.ends_with(&format!("@{domain}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso2022(text: &str) -> Vec<u8> {
        let (bytes, _, _) = encoding_rs::ISO_2022_JP.encode(text);
        bytes.into_owned()
    }

    #[test]
    fn iso_2022_jp_body_and_encoded_subject_are_read() {
        let mut raw = b"From: =?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <taro@docomo.ne.jp>\r\n\
Subject: =?ISO-2022-JP?B?GyRCJSIlJCUmJSgbKEI=?=\r\n\
Message-ID: <a1@docomo.ne.jp>\r\nMIME-Version: 1.0\r\n\
Content-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
            .to_vec();
        raw.extend(iso2022("ポイントがまだです\r\n"));
        let mail = parse(&raw).unwrap();
        assert_eq!(mail.from.as_deref(), Some("taro@docomo.ne.jp"));
        assert_eq!(mail.subject, "アイウエ");
        assert_eq!(mail.text.trim(), "ポイントがまだです");
        assert_eq!(mail.message_id.as_deref(), Some("a1@docomo.ne.jp"));
    }

    #[test]
    fn shift_jis_and_euc_jp_bodies_are_read() {
        for (charset, encoding) in [("Shift_JIS", encoding_rs::SHIFT_JIS), ("EUC-JP", encoding_rs::EUC_JP)] {
            let mut raw = format!(
                "From: a@example.jp\r\nSubject: x\r\nContent-Type: text/plain; charset={charset}\r\n\
                 Content-Transfer-Encoding: 8bit\r\n\r\n"
            )
            .into_bytes();
            raw.extend(encoding.encode("通帳に記載されません").0.iter());
            assert_eq!(parse(&raw).unwrap().text.trim(), "通帳に記載されません", "{charset}");
        }
    }

    #[test]
    fn html_only_mail_becomes_text_never_markup() {
        let raw = b"From: a@example.jp\r\nSubject: x\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n\
<html><body><p>Hello <b>there</b></p><script>alert(1)</script></body></html>";
        let text = parse(raw).unwrap().text;
        assert!(text.contains("Hello") && text.contains("there"), "{text}");
        assert!(!text.contains("<b>") && !text.contains("<p>"), "{text}");
    }

    #[test]
    fn alternative_prefers_plain_text() {
        let raw = b"From: a@example.jp\r\nSubject: x\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n\
--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nplain words\r\n\
--b\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>html words</p>\r\n--b--\r\n";
        assert_eq!(parse(raw).unwrap().text.trim(), "plain words");
    }

    #[test]
    fn auto_replies_and_reports_are_recognized() {
        let auto = b"From: a@example.jp\r\nAuto-Submitted: auto-replied\r\nSubject: Re: x\r\n\r\nI am away";
        assert!(parse(auto).unwrap().auto_reply);
        let vacation = "From: a@example.jp\r\nSubject: 自動応答: 不在です\r\n\r\n不在です".as_bytes();
        assert!(parse(vacation).unwrap().auto_reply);
        let human = b"From: a@example.jp\r\nAuto-Submitted: no\r\nSubject: Re: x\r\n\r\nhello";
        assert!(!parse(human).unwrap().auto_reply);
        let dsn = b"From: MAILER-DAEMON@mx.example\r\nSubject: Undelivered\r\n\
Content-Type: multipart/report; report-type=delivery-status; boundary=r\r\n\r\n--r\r\n\
Content-Type: text/plain\r\n\r\ngone\r\n--r--\r\n";
        assert!(parse(dsn).unwrap().report);
    }

    #[test]
    fn broken_input_does_not_panic() {
        for raw in [&b""[..], b"\0\0\0", b"Subject: =?ISO-2022-JP?B?broken?=\r\n\r\n\x1b$B", b"::::\r\n\r\n"] {
            let _ = parse(raw);
            let _ = message_id_of(raw);
        }
    }
}
