//! A server killed mid-chat and restarted on the same database loses nothing.
use crate::chat::{join, open_hours, staff};
use crate::contact::member;
use crate::helpers::{fresh_database_url, Client, TestApp};
use crate::ws::{open, open_with_origin};
use app::chat::protocol::{ClientMsg, ServerMsg, SessionStatus};
use app::infra::{Clock, Settings};
use serde_json::json;

/// A server in its own runtime on a thread, so it can be killed outright: dropping the runtime
/// ends every task it had (sockets, workers), like a crashed process.
struct KillableServer {
    address: String,
    kill: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl KillableServer {
    fn start(url: String, clock: Clock) -> KillableServer {
        let (port_tx, port_rx) = std::sync::mpsc::channel();
        let (kill, kill_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
            rt.block_on(async move {
                let settings = Settings {
                    database_url: url,
                    bind: "127.0.0.1:0".into(),
                    staff_two_factor: false,
                    ..Settings::default()
                };
                let app = madoguchi_server::startup::Application::build_with_clock(settings, clock).await.unwrap();
                port_tx.send(app.port()).unwrap();
                tokio::select! {
                    _ = app.run_until_stopped(std::future::pending()) => {}
                    _ = kill_rx => {}
                }
            });
            rt.shutdown_background();
        });
        let port = port_rx.recv().unwrap();
        KillableServer { address: format!("http://127.0.0.1:{port}"), kill: Some(kill), thread: Some(thread) }
    }

    fn kill(mut self) {
        let _ = self.kill.take().unwrap().send(());
        self.thread.take().unwrap().join().unwrap();
    }
}

fn browser(address: &str, like: &Client) -> Client {
    // Same cookies, new address (the restarted server listens elsewhere).
    let http = reqwest::Client::builder()
        .cookie_provider(like.jar.clone())
        .default_headers([(reqwest::header::ORIGIN, address.parse().unwrap())].into_iter().collect())
        .build()
        .unwrap();
    Client { http, address: address.into(), jar: like.jar.clone() }
}

#[tokio::test]
async fn a_server_killed_mid_chat_comes_back_with_nothing_lost() {
    let url = fresh_database_url().await;
    let first = KillableServer::start(url.clone(), open_hours());
    let probe = TestApp::attach(&first.address, &url).await;
    let m = member(&probe, "m@example.jp").await;
    let w = member(&probe, "w@example.jp").await;
    let s = join(&m, "other").await.1.as_i64().unwrap();
    let sw = join(&w, "other").await.1.as_i64().unwrap();
    let sato = staff(&probe, "sato@example.jp").await;
    assert_eq!(sato.call("chat/staff/take-next", json!({})).await.1, s);
    let mut ms = open(&m, &first.address, s).await;
    ms.status(SessionStatus::Active).await;
    ms.send(ClientMsg::Send { client_id: "before".into(), body: "再起動の前".into(), attachments: Vec::new() }).await;
    let seen = ms.until(|m| if let ServerMsg::Ack { id, .. } = m { Some(id) } else { None }).await;

    first.kill();
    let second = KillableServer::start(url, open_hours());
    let (m2, sato2, w2) = (browser(&second.address, &m), browser(&second.address, &sato), browser(&second.address, &w));
    // Staff carry on: the chat is still theirs and the member's message is there.
    let mut ss = open(&sato2, &second.address, s).await;
    let before = ss.until(|m| if let ServerMsg::Message(m) = m { Some(m) } else { None }).await;
    assert_eq!((before.id, before.body.as_str()), (seen, "再起動の前"));
    ss.send(ClientMsg::Send { client_id: "after".into(), body: "再起動の後".into(), attachments: Vec::new() }).await;
    ss.until(|m| matches!(m, ServerMsg::Ack { .. }).then_some(())).await;
    // The member reconnects and gets what was said while they were away.
    let mut again = open_with_origin(&m2, &second.address, s, &second.address).await.unwrap();
    again.send(ClientMsg::Hello { last_seen_id: seen }).await;
    let missed = again.until(|m| if let ServerMsg::Message(m) = m { Some(m.body) } else { None }).await;
    assert_eq!(missed, "再起動の後");
    // The waiting member is still in line.
    let mut ww = open(&w2, &second.address, sw).await;
    assert_eq!(ww.status(SessionStatus::Waiting).await.ahead, Some(0));
    second.kill();
}
