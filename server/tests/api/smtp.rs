//! The real SMTP server the tests send to: `end2end/smtp-sink.mjs` (Node's smtp-server), started
//! per test on a free port, writing each received mail as JSON into its own folder.
use serde::Deserialize;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Deserialize)]
pub struct ReceivedMail {
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
    #[serde(default, rename = "replyTo")]
    pub reply_to: Option<String>,
    #[serde(default, rename = "messageId")]
    pub message_id: Option<String>,
    #[serde(default, rename = "inReplyTo")]
    pub in_reply_to: Option<String>,
}

pub struct SmtpSink {
    pub port: u16,
    dir: PathBuf,
    child: Option<Child>,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port")
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let dir = std::env::temp_dir().join(format!("madoguchi-mail-{}-{}", std::process::id(), free_port()));
        std::fs::create_dir_all(&dir).expect("mail dir");
        let mut sink = SmtpSink { port: free_port(), dir, child: None };
        sink.restart().await;
        sink
    }

    pub async fn restart(&mut self) {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../end2end/smtp-sink.mjs");
        let child = Command::new("node")
            .arg(script)
            .args(["--port", &self.port.to_string(), "--dir"])
            .arg(&self.dir)
            .stdout(Stdio::null())
            .spawn()
            .expect("node runs the SMTP sink (run scripts/setup.sh first)");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "SMTP sink did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn received(&self) -> Vec<ReceivedMail> {
        let mut files: Vec<_> = std::fs::read_dir(&self.dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "json"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
            .iter()
            .filter_map(|f| std::fs::read_to_string(f).ok())
            .filter_map(|t| serde_json::from_str(&t).ok())
            .collect()
    }

    /// Waits until a mail matching `pred` has arrived.
    pub async fn wait_for(&self, timeout: Duration, pred: impl Fn(&ReceivedMail) -> bool) -> ReceivedMail {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(found) = self.received().into_iter().find(|m| pred(m)) {
                return found;
            }
            assert!(Instant::now() < deadline, "no matching mail within {timeout:?}; got {:?}", self.received());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
