//! One SMTP conversation (RFC 5321), as much as an MX or relay needs to hand mail over: EHLO/HELO,
//! MAIL, RCPT, DATA, RSET, NOOP, QUIT. Small on purpose, and bounded everywhere: command lines,
//! recipients, message size (a mail over the limit is read to its end without being kept, then
//! refused), idle time and bad commands. The mail is stored through the [`Gate`] before "250" is
//! said, so once a relay hears "250" the mail cannot be lost.
use super::lines::{read_line, Line};
use std::future::Future;
use std::time::Duration;
use tokio::io::{AsyncBufRead, AsyncWrite, AsyncWriteExt};

/// What the session asks of the rest of the server.
pub trait Gate: Send + Sync {
    /// Whether mail for this address is taken (only our reply and support addresses are).
    fn accepts(&self, recipient: &str) -> bool;
    /// Stores the mail durably; `Err` makes the session answer 451 (the relay tries again).
    fn store(&self, envelope: Envelope, raw: Vec<u8>) -> impl Future<Output = Result<(), String>> + Send;
}

#[derive(Debug, Clone, Default)]
pub struct Envelope {
    pub from: String,
    pub recipients: Vec<String>,
    pub client_ip: String,
}

#[derive(Debug, Clone)]
pub struct Limits {
    pub max_bytes: usize,
    pub max_recipients: usize,
    pub idle: Duration,
    pub max_errors: usize,
    pub host: String,
}

/// Longest command line taken (RFC 5321 says 512 with the CRLF; some clients send a little more).
const MAX_COMMAND: usize = 1024;

/// The address inside `FROM:<…>` / `TO:<…>`, and the parameters after it.
fn path_arg<'a>(arg: &'a str, keyword: &str) -> Option<(&'a str, &'a str)> {
    let rest = arg.get(..keyword.len()).filter(|k| k.eq_ignore_ascii_case(keyword)).map(|_| &arg[keyword.len()..])?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix('<')?;
    let close = rest.find('>')?;
    let address = &rest[..close];
    if address.len() > 256 || address.chars().any(|c| c.is_control() || c == ' ') {
        return None;
    }
    Some((address, rest[close + 1..].trim()))
}

/// Runs one conversation to its end. Answers are written as the commands are read, so pipelining
/// clients work; nothing is buffered beyond the size limit.
pub async fn run<R, W, G>(
    mut reader: R,
    mut writer: W,
    gate: &G,
    limits: &Limits,
    client_ip: String,
) -> std::io::Result<()>
where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
    G: Gate,
{
    // One write per reply line with its CRLF: a reply split over two small writes waits on the
    // peer's delayed ACK (Nagle), about 40–200 ms per command.
    macro_rules! say {
        ($($arg:tt)*) => {{
            let mut line = format!($($arg)*);
            line.push_str("\r\n");
            writer.write_all(line.as_bytes()).await?;
            writer.flush().await?;
        }};
    }
    say!("220 {} Madoguchi ESMTP ready", limits.host);
    let mut greeted = false;
    let mut envelope: Option<Envelope> = None;
    let mut errors = 0usize;
    // Everything one connection may send, in all: enough for many full-size mails, not endless.
    let mut budget = limits.max_bytes.saturating_mul(20).max(1 << 20);
    loop {
        let line = match tokio::time::timeout(limits.idle, read_line(&mut reader, MAX_COMMAND, &mut budget)).await {
            Err(_) => {
                say!("421 4.4.2 {} idle too long, closing", limits.host);
                return Ok(());
            }
            Ok(Err(_)) => {
                let _ = writer.write_all(b"421 4.7.0 too much data, closing\r\n").await;
                return Ok(());
            }
            Ok(Ok(Line::Closed)) => return Ok(()),
            Ok(Ok(Line::Text(line, long))) => {
                if long {
                    errors += 1;
                    say!("500 5.5.2 line too long");
                    if errors >= limits.max_errors {
                        say!("421 4.7.0 too many errors, closing");
                        return Ok(());
                    }
                    continue;
                }
                line
            }
        };
        let Ok(text) = std::str::from_utf8(&line) else {
            errors += 1;
            say!("500 5.5.2 command not readable");
            if errors >= limits.max_errors {
                say!("421 4.7.0 too many errors, closing");
                return Ok(());
            }
            continue;
        };
        let (verb, arg) = match text.split_once(' ') {
            Some((v, a)) => (v.to_ascii_uppercase(), a.trim()),
            None => (text.trim().to_ascii_uppercase(), ""),
        };
        let mut bad = false;
        match verb.as_str() {
            "EHLO" if !arg.is_empty() => {
                greeted = true;
                envelope = None;
                say!(
                    "250-{} hello\r\n250-SIZE {}\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 ENHANCEDSTATUSCODES",
                    limits.host,
                    limits.max_bytes
                );
            }
            "HELO" if !arg.is_empty() => {
                greeted = true;
                envelope = None;
                say!("250 {} hello", limits.host);
            }
            "EHLO" | "HELO" => {
                bad = true;
                say!("501 5.5.4 say who you are");
            }
            "MAIL" => match path_arg(arg, "FROM:") {
                _ if !greeted => {
                    bad = true;
                    say!("503 5.5.1 EHLO first");
                }
                _ if envelope.is_some() => {
                    bad = true;
                    say!("503 5.5.1 nested MAIL");
                }
                Some((from, params)) => {
                    let declared = params
                        .split_whitespace()
                        .find_map(|p| p.get(..5).filter(|k| k.eq_ignore_ascii_case("SIZE=")).and(p.get(5..)))
                        .and_then(|n| n.parse::<usize>().ok());
                    if declared.is_some_and(|n| n > limits.max_bytes) {
                        say!("552 5.3.4 message too big (limit {} bytes)", limits.max_bytes);
                    } else {
                        envelope = Some(Envelope {
                            from: from.to_owned(),
                            recipients: Vec::new(),
                            client_ip: client_ip.clone(),
                        });
                        say!("250 2.1.0 ok");
                    }
                }
                None => {
                    bad = true;
                    say!("501 5.5.4 syntax: MAIL FROM:<address>");
                }
            },
            "RCPT" => match (envelope.as_mut(), path_arg(arg, "TO:")) {
                (None, _) => {
                    bad = true;
                    say!("503 5.5.1 MAIL first");
                }
                (Some(_), None) => {
                    bad = true;
                    say!("501 5.5.4 syntax: RCPT TO:<address>");
                }
                (Some(env), Some((to, _))) => {
                    if env.recipients.len() >= limits.max_recipients {
                        say!("452 4.5.3 too many recipients");
                    } else if !gate.accepts(to) {
                        bad = true;
                        say!("550 5.1.1 no such mailbox here");
                    } else {
                        if !env.recipients.iter().any(|r| r.eq_ignore_ascii_case(to)) {
                            env.recipients.push(to.to_owned());
                        }
                        say!("250 2.1.5 ok");
                    }
                }
            },
            "DATA" => match envelope.take() {
                Some(env) if !env.recipients.is_empty() => {
                    say!("354 end data with <CR><LF>.<CR><LF>");
                    let mut raw = Vec::new();
                    let mut too_big = false;
                    loop {
                        let keep = if too_big { 1 } else { limits.max_bytes + 1 - raw.len().min(limits.max_bytes) };
                        let read = tokio::time::timeout(limits.idle, read_line(&mut reader, keep, &mut budget)).await;
                        let (line, long) = match read {
                            Ok(Ok(Line::Text(line, long))) => (line, long),
                            Ok(Ok(Line::Closed)) => return Ok(()),
                            Ok(Err(_)) => {
                                let _ = writer.write_all(b"421 4.7.0 too much data, closing\r\n").await;
                                return Ok(());
                            }
                            Err(_) => {
                                say!("421 4.4.2 idle too long, closing");
                                return Ok(());
                            }
                        };
                        if line == b"." && !long {
                            break;
                        }
                        if too_big {
                            continue;
                        }
                        // Dot-stuffing: a line that starts with a dot had one added.
                        let line = if line.first() == Some(&b'.') { &line[1..] } else { &line[..] };
                        raw.extend_from_slice(line);
                        raw.extend_from_slice(b"\r\n");
                        if long || raw.len() > limits.max_bytes {
                            too_big = true;
                            raw = Vec::new();
                        }
                    }
                    if too_big {
                        say!("552 5.3.4 message too big (limit {} bytes)", limits.max_bytes);
                    } else {
                        match gate.store(env, raw).await {
                            Ok(()) => say!("250 2.0.0 queued"),
                            Err(e) => {
                                tracing::error!(error = %e, "inbound mail not stored");
                                say!("451 4.3.0 cannot store the message now, try again later");
                            }
                        }
                    }
                }
                Some(env) => {
                    envelope = Some(env);
                    bad = true;
                    say!("554 5.5.1 no valid recipients");
                }
                None => {
                    bad = true;
                    say!("503 5.5.1 MAIL first");
                }
            },
            "RSET" => {
                envelope = None;
                say!("250 2.0.0 ok");
            }
            "NOOP" => say!("250 2.0.0 ok"),
            "VRFY" => say!("252 2.5.0 cannot verify, send some mail"),
            "QUIT" => {
                say!("221 2.0.0 bye");
                return Ok(());
            }
            _ => {
                bad = true;
                say!("502 5.5.1 command not implemented");
            }
        }
        if bad {
            errors += 1;
            if errors >= limits.max_errors {
                say!("421 4.7.0 too many errors, closing");
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Recorder {
        stored: Mutex<Vec<(Envelope, Vec<u8>)>>,
    }

    impl Gate for Recorder {
        fn accepts(&self, recipient: &str) -> bool {
            recipient.ends_with("@madoguchi.example")
        }
        async fn store(&self, envelope: Envelope, raw: Vec<u8>) -> Result<(), String> {
            self.stored.lock().unwrap().push((envelope, raw));
            Ok(())
        }
    }

    fn limits() -> Limits {
        Limits {
            max_bytes: 1000,
            max_recipients: 3,
            idle: Duration::from_secs(5),
            max_errors: 5,
            host: "mx.test".into(),
        }
    }

    async fn talk(input: &[u8]) -> (String, Vec<(Envelope, Vec<u8>)>) {
        let gate = Recorder::default();
        let mut out = Vec::new();
        run(tokio::io::BufReader::new(input), &mut out, &gate, &limits(), "127.0.0.1".into()).await.unwrap();
        let stored = gate.stored.into_inner().unwrap();
        (String::from_utf8(out).unwrap(), stored)
    }

    fn codes(transcript: &str) -> Vec<&str> {
        transcript.lines().filter(|l| l.as_bytes().get(3) == Some(&b' ')).map(|l| &l[..3]).collect()
    }

    #[tokio::test]
    async fn a_pipelined_mail_is_stored_with_dots_unstuffed() {
        let (out, stored) = talk(
            b"EHLO relay\r\nMAIL FROM:<a@example.jp> SIZE=100\r\nRCPT TO:<support@madoguchi.example>\r\nDATA\r\n\
Subject: hi\r\n\r\n..leading dot\r\nbody\r\n.\r\nQUIT\r\n",
        )
        .await;
        assert_eq!(codes(&out), ["220", "250", "250", "250", "354", "250", "221"], "{out}");
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].0.from, "a@example.jp");
        assert_eq!(stored[0].1, b"Subject: hi\r\n\r\n.leading dot\r\nbody\r\n");
    }

    #[tokio::test]
    async fn foreign_recipients_big_mails_and_bad_order_are_refused() {
        let (out, stored) = talk(
            b"MAIL FROM:<a@x.jp>\r\nEHLO r\r\nRCPT TO:<b@madoguchi.example>\r\nMAIL FROM:<a@x.jp> SIZE=5000\r\n\
MAIL FROM:<a@x.jp>\r\nRCPT TO:<victim@elsewhere.example>\r\nDATA\r\nQUIT\r\n",
        )
        .await;
        assert_eq!(codes(&out), ["220", "503", "250", "503", "552", "250", "550", "554", "221"], "{out}");
        assert!(stored.is_empty());
        let big = format!(
            "EHLO r\r\nMAIL FROM:<a@x.jp>\r\nRCPT TO:<s@madoguchi.example>\r\nDATA\r\n{}\r\n.\r\nNOOP\r\nQUIT\r\n",
            "x".repeat(5000)
        );
        let (out, stored) = talk(big.as_bytes()).await;
        assert_eq!(codes(&out), ["220", "250", "250", "250", "354", "552", "250", "221"], "{out}");
        assert!(stored.is_empty());
    }

    #[tokio::test]
    async fn recipients_are_capped_and_errors_end_the_session() {
        let (out, _) = talk(
            b"EHLO r\r\nMAIL FROM:<>\r\nRCPT TO:<1@madoguchi.example>\r\nRCPT TO:<2@madoguchi.example>\r\n\
RCPT TO:<3@madoguchi.example>\r\nRCPT TO:<4@madoguchi.example>\r\nQUIT\r\n",
        )
        .await;
        assert_eq!(codes(&out), ["220", "250", "250", "250", "250", "250", "452", "221"], "{out}");
        let (out, _) = talk(b"BOGUS\r\nBOGUS\r\nBOGUS\r\nBOGUS\r\nBOGUS\r\nNOOP\r\n").await;
        assert_eq!(codes(&out).last(), Some(&"421"), "{out}");
        assert!(!out.contains("250 2.0.0 ok"));
    }

    #[tokio::test]
    async fn hostile_bytes_never_panic() {
        let long = format!("EHLO {}\r\nNOOP\r\n", "a".repeat(100_000));
        let (out, _) = talk(long.as_bytes()).await;
        assert!(out.contains("500 5.5.2 line too long"), "{out}");
        for input in
            [&b"\0\0\0\r\n"[..], b"\xff\xfe\r\n", b"MAIL FROM:<a\0b>\r\n", b"EHLO x\r\nMAIL FROM:<\r\n", b"RCPT"]
        {
            let _ = talk(input).await;
        }
    }
}
