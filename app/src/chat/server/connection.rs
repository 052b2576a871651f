//! One chat connection, member or staff, until either side goes away or breaks the rules. Works on
//! any `Sink`/`Stream` of protocol messages, so tests drive it with channels.
use super::flow::{Flow, MALFORMED_MAX};
use super::hub::{estimate_secs, HubEvent, QueueEvent, SessionEvent};
use super::socket::Side;
use super::store::{end_session, messages_page, people_ahead, session_row, state_of, store_message};
use crate::auth::UserView;
use crate::chat::protocol::{ChatProblem, ClientMsg, ServerMsg, SessionState, SessionStatus, MESSAGE_MAX};
use crate::desk::DeskEvent;
use crate::domain::check_multiline;
use crate::error::{AppError, AppResult};
use crate::files::AttachmentIds;
use crate::infra::AppState;
use futures_util::{Sink, SinkExt, Stream, StreamExt};
use tokio::sync::broadcast::error::RecvError;

/// What arrives from the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inbound {
    Msg(ClientMsg),
    /// A frame that is not chat protocol.
    Malformed,
    /// The client closed the connection.
    Gone,
}

impl From<ClientMsg> for Inbound {
    fn from(msg: ClientMsg) -> Self {
        Inbound::Msg(msg)
    }
}

/// Why a connection ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    /// Either side went away normally.
    Gone,
    /// Frames faster than the limits.
    Flooding,
    /// Too many frames that were not protocol.
    Malformed,
}

/// Messages replayed per query after a reconnect or a lag.
const REPLAY_PAGE: i64 = 100;

struct Conn<'a, S> {
    state: &'a AppState,
    user: &'a UserView,
    session: i64,
    side: Side,
    out: S,
    flow: Flow,
    /// The state last sent. Queue moves only change `ahead` (and the estimate), so they are
    /// answered from here without touching the database: one dequeue costs one broadcast.
    current: SessionState,
    ahead: i64,
    /// The newest message id this client has (sent or acknowledged), to resend after a lag.
    last_id: i64,
    /// The staff member the chat is with, told of the member's messages on their desk socket.
    staff_id: Option<i64>,
}

pub async fn run_connection<S, R>(
    state: AppState,
    user: UserView,
    session: i64,
    side: Side,
    out: S,
    mut input: R,
) -> Closing
where
    S: Sink<ServerMsg> + Unpin,
    R: Stream<Item = Inbound> + Unpin,
{
    let mut session_rx = state.chat.subscribe_session(session);
    let mut queue_rx = state.chat.subscribe_queue();
    if side == Side::Member {
        state.chat.connect(session);
    }
    let ahead = people_ahead(&state.db, session).await.unwrap_or(0);
    let Ok(row) = session_row(&state.db, session).await else { return Closing::Gone };
    let current = state_of(&state, session, &row, Some(ahead));
    let staff_id = row.staff_id;
    let mut c = Conn {
        state: &state,
        user: &user,
        session,
        side,
        out,
        flow: Flow::new(),
        current,
        ahead,
        last_id: 0,
        staff_id,
    };
    let mut closing = Closing::Gone;
    if c.out.send(ServerMsg::State(c.current.clone())).await.is_ok() {
        let mut resync = tokio::time::interval(std::time::Duration::from_secs(30));
        resync.tick().await;
        closing = loop {
            let step = tokio::select! {
                msg = input.next() => match msg {
                    None | Some(Inbound::Gone) => Err(Closing::Gone),
                    Some(Inbound::Malformed) => c.malformed().await,
                    Some(Inbound::Msg(msg)) => c.handle(msg).await,
                },
                event = session_rx.recv() => c.session_event(event).await,
                event = queue_rx.recv(), if c.current.status == SessionStatus::Waiting => c.queue_event(event).await,
                _ = resync.tick() => c.resync().await,
            };
            if let Err(closing) = step {
                break closing;
            }
        };
    }
    if side == Side::Member {
        state.chat.disconnect(session);
        // The grace period counts from now.
        let _ = sqlx::query("UPDATE chat_sessions SET last_seen_at = $1 WHERE id = $2")
            .bind(state.clock.now_ms())
            .bind(session)
            .execute(&state.db.pool)
            .await;
    }
    closing
}

type Step = Result<(), Closing>;

impl<S: Sink<ServerMsg> + Unpin> Conn<'_, S> {
    async fn send(&mut self, msg: ServerMsg) -> Step {
        if let ServerMsg::Message(m) = &msg {
            self.last_id = self.last_id.max(m.id);
        }
        self.out.send(msg).await.map_err(|_| Closing::Gone)
    }

    async fn refuse(&mut self, problem: ChatProblem, closing: Closing) -> Step {
        tracing::warn!(session_id = self.session, user_id = self.user.id, ?problem, "chat socket closed");
        let _ = self.send(ServerMsg::Error(problem)).await;
        Err(closing)
    }

    async fn malformed(&mut self) -> Step {
        self.flow.malformed += 1;
        if self.flow.malformed >= MALFORMED_MAX {
            return self.refuse(ChatProblem::Malformed, Closing::Malformed).await;
        }
        self.send(ServerMsg::Error(ChatProblem::Malformed)).await
    }

    async fn send_state(&mut self) -> Step {
        let row = session_row(&self.state.db, self.session).await.map_err(|_| Closing::Gone)?;
        // A staff socket on a chat that is no longer this staff member's (deactivated, chat back
        // in the queue) ends here; the handshake would refuse it now too.
        if self.side == Side::Staff && row.staff_id != Some(self.user.id) {
            return Err(Closing::Gone);
        }
        let was_waiting = self.current.status == SessionStatus::Waiting;
        if row.status == SessionStatus::Waiting && !was_waiting {
            // Back in the queue (its staff member was deactivated): count who is ahead again.
            self.ahead = people_ahead(&self.state.db, self.session).await.unwrap_or(0);
        }
        self.current = state_of(self.state, self.session, &row, Some(self.ahead));
        self.staff_id = row.staff_id;
        self.send(ServerMsg::State(self.current.clone())).await
    }

    /// Sends every stored message after `last_id`, a page per query.
    async fn replay(&mut self) -> Step {
        loop {
            let page = messages_page(&self.state.db, self.session, self.last_id, REPLAY_PAGE)
                .await
                .map_err(|_| Closing::Gone)?;
            let full = page.len() as i64 == REPLAY_PAGE;
            for m in page {
                self.send(ServerMsg::Message(m)).await?;
            }
            if !full {
                return Ok(());
            }
        }
    }

    async fn handle(&mut self, msg: ClientMsg) -> Step {
        match msg {
            ClientMsg::Hello { last_seen_id } => {
                // Once per connection, and only from where the client says it is.
                if self.flow.greeted {
                    return self.malformed().await;
                }
                self.flow.greeted = true;
                self.last_id = last_seen_id.max(0);
                self.replay().await
            }
            ClientMsg::Send { client_id, body, attachments } => {
                if !self.flow.sends.take() {
                    return self.refuse(ChatProblem::TooFast, Closing::Flooding).await;
                }
                if self.current.status != SessionStatus::Active {
                    return self.send(ServerMsg::Error(ChatProblem::NotActive)).await;
                }
                let Ok(files) = AttachmentIds::parse(&attachments) else {
                    return self.send(ServerMsg::Error(ChatProblem::FileUnavailable)).await;
                };
                // Files alone make a message; otherwise it needs some text.
                let min = usize::from(files.is_empty());
                let body = if files.is_empty() || !body.is_empty() {
                    check_multiline(&body, min, MESSAGE_MAX)
                } else {
                    Ok(body)
                };
                let Ok(body) = body else {
                    return self.send(ServerMsg::Error(ChatProblem::InvalidMessage)).await;
                };
                let client_id: String = client_id.chars().take(64).collect();
                match self.store_and_publish(client_id, body, &files).await {
                    Err(AppError::Validation(_)) => self.send(ServerMsg::Error(ChatProblem::FileUnavailable)).await,
                    other => other.map_err(|e| self.log(e)),
                }
            }
            ClientMsg::Typing => {
                if !self.flow.typing.take() {
                    return self.refuse(ChatProblem::TooFast, Closing::Flooding).await;
                }
                if self.current.status != SessionStatus::Active || !self.flow.typing_due() {
                    return Ok(());
                }
                let event = SessionEvent::Typing { from_staff: self.side == Side::Staff };
                let published = self
                    .state
                    .chat
                    .publish(&self.state.db, HubEvent::Session { session_id: self.session, event })
                    .await;
                published.map_err(|e| self.log(e))
            }
            ClientMsg::Leave | ClientMsg::End => {
                end_session(self.state, self.user, self.session).await.map(|_| ()).map_err(|e| self.log(e))
            }
        }
    }

    async fn store_and_publish(&mut self, client_id: String, body: String, files: &AttachmentIds) -> AppResult<()> {
        let from_staff = self.side == Side::Staff;
        let (message, new) =
            store_message(self.state, self.session, self.user, from_staff, &client_id, &body, files).await?;
        // Stored before acknowledged: the ack means it survives a restart.
        let id = message.id;
        self.send(ServerMsg::Ack { client_id, id }).await.map_err(|_| AppError::Transport("closed".into()))?;
        if new {
            let event = HubEvent::Session { session_id: self.session, event: SessionEvent::Message(message) };
            self.state.chat.publish(&self.state.db, event).await?;
            if let (Side::Member, Some(staff_id)) = (self.side, self.staff_id) {
                let event = DeskEvent::ChatMessage { session_id: self.session, staff_id };
                crate::desk::server::publish(self.state, event).await;
            }
        }
        Ok(())
    }

    fn log(&self, e: AppError) -> Closing {
        tracing::warn!(session_id = self.session, error = %e, "chat socket error");
        Closing::Gone
    }

    async fn session_event(&mut self, event: Result<SessionEvent, RecvError>) -> Step {
        match event {
            // Forwarded even when older than `last_id`: two senders' events can arrive out of order,
            // and the client keeps each id once.
            Ok(SessionEvent::Message(m)) => self.send(ServerMsg::Message(m)).await,
            Ok(SessionEvent::Typing { from_staff }) => {
                if from_staff == (self.side == Side::Staff) {
                    return Ok(());
                }
                self.send(ServerMsg::Typing { from_staff }).await
            }
            Ok(SessionEvent::Changed) => self.send_state().await,
            // Events were dropped while this connection was slow: resend every message it has not
            // seen from the database, so a live view never skips one, then the state.
            Err(RecvError::Lagged(n)) => {
                tracing::info!(session_id = self.session, missed = n, "chat socket lagged; replaying");
                self.replay().await?;
                self.send_state().await
            }
            Err(RecvError::Closed) => Err(Closing::Gone),
        }
    }

    async fn queue_event(&mut self, event: Result<QueueEvent, RecvError>) -> Step {
        match event {
            Ok(QueueEvent::Removed { id }) if id < self.session => self.ahead = (self.ahead - 1).max(0),
            Ok(QueueEvent::Joined { id }) if id < self.session => self.ahead += 1,
            Ok(_) => return Ok(()),
            // Missed events: count again.
            Err(RecvError::Lagged(_)) => {
                self.ahead = people_ahead(&self.state.db, self.session).await.unwrap_or(self.ahead)
            }
            Err(RecvError::Closed) => return Err(Closing::Gone),
        }
        self.current.ahead = Some(self.ahead);
        self.current.estimate_secs = estimate_secs(self.ahead, self.state.chat.stats());
        self.send(ServerMsg::State(self.current.clone())).await
    }

    /// A safety net against lost events (a listener reconnecting, say).
    async fn resync(&mut self) -> Step {
        if self.current.status == SessionStatus::Waiting {
            self.ahead = people_ahead(&self.state.db, self.session).await.unwrap_or(self.ahead);
        }
        self.send_state().await
    }
}
