//! A chat WebSocket client for the tests: real sockets against the real server.
use crate::helpers::Client;
use app::chat::protocol::{ClientMsg, ServerMsg, SessionState, SessionStatus};
use futures_util::{SinkExt, StreamExt};
use std::time::Duration;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

pub struct Socket {
    inner: tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>,
}

/// Opens `/ws/chat?session=…` as `client` (its cookie, and the Origin `origin`).
pub async fn open_with_origin(client: &Client, address: &str, session: i64, origin: &str) -> Result<Socket, u16> {
    let url = format!("{}/ws/chat?session={session}", address.replace("http://", "ws://"));
    let mut request = url.into_client_request().expect("request");
    request.headers_mut().insert("cookie", client.cookie_header().parse().expect("cookie"));
    request.headers_mut().insert("origin", origin.parse().expect("origin"));
    match tokio_tungstenite::connect_async(request).await {
        Ok((inner, _)) => Ok(Socket { inner }),
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => Err(response.status().as_u16()),
        Err(e) => panic!("socket: {e}"),
    }
}

pub async fn open(client: &Client, address: &str, session: i64) -> Socket {
    let mut socket = open_with_origin(client, address, session, address).await.expect("socket opens");
    socket.send(ClientMsg::Hello { last_seen_id: 0 }).await;
    socket
}

impl Socket {
    pub async fn send(&mut self, msg: ClientMsg) {
        self.inner.send(Message::Text(serde_json::to_string(&msg).unwrap().into())).await.expect("send");
    }

    /// Sends a frame as it is (for malformed and flooding clients).
    pub async fn send_raw(&mut self, frame: Message) -> bool {
        self.inner.send(frame).await.is_ok()
    }

    /// Reads until the server closes; the close code (`None` for a dropped connection), and the
    /// protocol errors it sent on the way.
    pub async fn closed(&mut self) -> (Option<u16>, Vec<app::chat::protocol::ChatProblem>) {
        let mut problems = Vec::new();
        loop {
            let frame =
                tokio::time::timeout(Duration::from_secs(10), self.inner.next()).await.expect("closed within 10 s");
            match frame {
                Some(Ok(Message::Close(frame))) => return (frame.map(|f| u16::from(f.code)), problems),
                Some(Ok(Message::Text(text))) => {
                    if let Ok(ServerMsg::Error(p)) = serde_json::from_str(&text) {
                        problems.push(p);
                    }
                }
                Some(Ok(_)) => {}
                Some(Err(_)) | None => return (None, problems),
            }
        }
    }

    pub async fn next(&mut self) -> ServerMsg {
        loop {
            let frame = tokio::time::timeout(Duration::from_secs(10), self.inner.next())
                .await
                .expect("a message within 10 s")
                .expect("socket open")
                .expect("frame");
            if let Message::Text(text) = frame {
                return serde_json::from_str(&text).expect("protocol message");
            }
        }
    }

    /// Reads until a message matches (states and echoes in between are skipped).
    pub async fn until<T>(&mut self, mut pick: impl FnMut(ServerMsg) -> Option<T>) -> T {
        loop {
            if let Some(found) = pick(self.next().await) {
                return found;
            }
        }
    }

    pub async fn state_where(&mut self, pred: impl Fn(&SessionState) -> bool) -> SessionState {
        self.until(|m| match m {
            ServerMsg::State(s) if pred(&s) => Some(s),
            _ => None,
        })
        .await
    }

    pub async fn status(&mut self, status: SessionStatus) -> SessionState {
        self.state_where(|s| s.status == status).await
    }
}
