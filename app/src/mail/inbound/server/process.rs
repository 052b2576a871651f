//! Deciding what one stored mail is, and doing it in one transaction with marking the mail done:
//! a member's reply becomes a follow-up on its inquiry; a bounce marks our mail and the member's
//! address; everything else is held for a supervisor with the reason (never threaded, never lost).
use super::bounce;
use super::parse::{parse, Incoming};
use super::queue::{finish, Claimed, Finished};
use super::quote::split_reply;
use crate::contact::server::{back_to_desk, due_after_member_wrote};
use crate::domain::Email;
use crate::error::AppResult;
use crate::files::server::{attach, store_bytes, Place};
use crate::files::AttachmentIds;
use crate::i18n::Lang;
use crate::infra::AppState;
use crate::mail::inbound::{HoldReason, MailStatus};
use crate::mail::reply_address::{support_address, Recipient, ReplyAddresses};

/// The domain our Message-IDs carry (`outbox-N@domain`, see `mail::transport`).
fn our_domain(state: &AppState) -> String {
    support_address(&state.settings.mail_from).rsplit_once('@').map(|(_, d)| d.to_owned()).unwrap_or_default()
}

/// What happened to a mail, for the worker's log and the tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Threaded {
        inquiry_id: i64,
    },
    Held(HoldReason),
    Ignored(HoldReason),
    Bounce,
    /// Another worker finished it first (its lease ran out while this one worked).
    AlreadyDone,
}

struct Context<'a> {
    state: &'a AppState,
    item: &'a Claimed,
    mail: Option<&'a Incoming>,
    now: i64,
}

impl Context<'_> {
    async fn set_aside(
        &self,
        status: MailStatus,
        reason: HoldReason,
        inquiry_id: Option<i64>,
        member_id: Option<i64>,
    ) -> AppResult<Outcome> {
        let lossy;
        let (from, subject, text) = match self.mail {
            Some(m) => (m.from.as_deref().unwrap_or(&self.item.envelope_from), m.subject.as_str(), m.text.as_str()),
            None => {
                // Unreadable: show the start of the bytes, as text.
                let head = &self.item.raw[..self.item.raw.len().min(4000)];
                lossy = String::from_utf8_lossy(head).replace('\0', "");
                (self.item.envelope_from.as_str(), "", lossy.as_str())
            }
        };
        let finished = Finished {
            status,
            reason: Some(reason),
            from: Some(from),
            subject,
            text,
            inquiry_id,
            member_id,
            message_id: None,
        };
        let done = finish(&self.state.db.pool, self.item.id, &finished, self.now).await?;
        tracing::info!(
            inbound_id = self.item.id,
            status = status.as_str(),
            reason = reason.as_str(),
            "inbound mail set aside"
        );
        Ok(match (done, status) {
            (false, _) => Outcome::AlreadyDone,
            (true, MailStatus::Ignored) => Outcome::Ignored(reason),
            (true, _) => Outcome::Held(reason),
        })
    }
}

pub async fn process(state: &AppState, item: &Claimed) -> AppResult<Outcome> {
    let now = state.clock.now_ms();
    let parsed = parse(&item.raw);
    let cx = Context { state, item, mail: parsed.as_ref(), now };
    let Some(mail) = parsed.as_ref() else {
        return cx.set_aside(MailStatus::Held, HoldReason::Unreadable, None, None).await;
    };
    let domain = our_domain(state);
    if super::parse::mentions_outbox(mail.message_id.as_deref(), &domain) {
        return cx.set_aside(MailStatus::Ignored, HoldReason::OwnMail, None, None).await;
    }
    if bounce::is_report(mail, &item.envelope_from) {
        return bounced(&cx, &domain).await;
    }
    if mail.auto_reply {
        return cx.set_aside(MailStatus::Ignored, HoldReason::AutoReply, None, None).await;
    }
    // The inquiry the reply address names, if its signature verifies.
    let Some(addresses) = ReplyAddresses::from_settings(&state.settings) else {
        return cx.set_aside(MailStatus::Held, HoldReason::NoToken, None, None).await;
    };
    let classified: Vec<Recipient> = item.recipients.iter().map(|r| addresses.classify(r)).collect();
    let inquiry_id = match classified.iter().find_map(|r| match r {
        Recipient::Reply { inquiry_id } => Some(*inquiry_id),
        _ => None,
    }) {
        Some(id) => id,
        None => {
            let named = classified.iter().find_map(|r| match r {
                Recipient::Forged { inquiry_id } => Some(*inquiry_id),
                _ => None,
            });
            return match named {
                // A forged address names an inquiry only as a hint; it is not trusted for anything.
                Some(_) => cx.set_aside(MailStatus::Held, HoldReason::BadSignature, None, None).await,
                None => cx.set_aside(MailStatus::Held, HoldReason::NoToken, None, None).await,
            };
        }
    };
    let found: Option<TargetRow> = sqlx::query_as(
        "SELECT i.id AS target_id, i.member_id, i.status, m.email, m.withdrawn_at, i.auto_closed_at
         FROM inquiries named JOIN inquiries i ON i.id = COALESCE(named.merged_into, named.id)
         JOIN users m ON m.id = i.member_id WHERE named.id = $1",
    )
    .bind(inquiry_id)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some(TargetRow { target_id: inquiry_id, member_id, status, email, withdrawn_at, auto_closed_at }) = found
    else {
        return cx.set_aside(MailStatus::Held, HoldReason::UnknownInquiry, None, None).await;
    };
    if withdrawn_at.is_some() {
        return cx.set_aside(MailStatus::Held, HoldReason::Withdrawn, Some(inquiry_id), None).await;
    }
    // Only the member may write into their inquiry: the From must be their current address
    // (both normalized the same way). A lookalike or an old address is held.
    let sender = mail.from.as_deref().and_then(|f| Email::parse(f).ok());
    let member = Email::parse(&email).ok();
    if sender.is_none() || sender != member {
        return cx.set_aside(MailStatus::Held, HoldReason::OtherSender, Some(inquiry_id), Some(member_id)).await;
    }
    // Closed by staff: held. Closed by the auto-close rule: the reply reopens it, as on the site.
    if status == "closed" && auto_closed_at.is_none() {
        return cx.set_aside(MailStatus::Held, HoldReason::Closed, Some(inquiry_id), Some(member_id)).await;
    }
    thread(state, item.id, mail, inquiry_id, member_id, MailStatus::Threaded).await
}

/// The inquiry a reply address names, as stored.
#[derive(sqlx::FromRow)]
struct TargetRow {
    /// The inquiry named, or the one it was merged into (its thread lives there now).
    target_id: i64,
    member_id: i64,
    status: String,
    email: String,
    withdrawn_at: Option<i64>,
    auto_closed_at: Option<i64>,
}

/// Threads a mail into an inquiry as its member's message: the new words (the quote folded
/// beside them), the files through the upload pipeline, the inquiry back on the desk, and the
/// mail marked `status` — one transaction. Also used when a supervisor attaches a held mail.
pub async fn thread(
    state: &AppState,
    inbound_id: i64,
    mail: &Incoming,
    inquiry_id: i64,
    member_id: i64,
    status: MailStatus,
) -> AppResult<Outcome> {
    let now = state.clock.now_ms();
    let split = split_reply(&mail.text);
    // Files go through the same checks as an upload; a refused one is named in the message.
    let mut kept = Vec::new();
    let mut refused: Vec<String> =
        mail.files_over.iter().map(|n| format!("{n}(ファイル数の上限を超えています)")).collect();
    let mut total: u64 = 0;
    for file in &mail.files {
        total += file.bytes.len() as u64;
        if total > state.settings.message_files_max_bytes {
            refused.push(format!("{}(合計サイズの上限を超えています)", file.name));
            continue;
        }
        match store_bytes(state, member_id, &file.name, file.bytes.clone()).await {
            Ok(attachment) => kept.push(attachment.id),
            Err(e) => refused.push(format!("{}({})", file.name, e.message(Lang::Ja))),
        }
    }
    let mut body = split.new.trim().to_owned();
    if !refused.is_empty() {
        body = format!("{body}\n\n[メールの添付ファイルのうち受け付けられなかったもの: {}]", refused.join("、"))
            .trim()
            .to_owned();
    }
    if body.is_empty() {
        if kept.is_empty() && status == MailStatus::Attached {
            return Err(crate::error::AppError::field("mail", crate::domain::ValidationError::Required));
        }
        if kept.is_empty() {
            let cx = Context { state, item: &placeholder(inbound_id), mail: Some(mail), now };
            return cx.set_aside(MailStatus::Held, HoldReason::Empty, Some(inquiry_id), Some(member_id)).await;
        }
        body = "(添付ファイルのみ)".into();
    }
    let ids = AttachmentIds::parse(&kept).map_err(|e| crate::error::AppError::field("attachments", e))?;
    let due_ms = due_after_member_wrote(state).await?;
    let mut tx = state.db.pool.begin().await?;
    // The mail's row first: it locks it until commit (the whole database on SQLite), so a second
    // worker or supervisor acting on the same mail waits here, then finds it no longer in the
    // state it expected and stores nothing.
    let expected = if status == MailStatus::Attached { "held" } else { "pending" };
    let taken = sqlx::query("UPDATE inbound_mail SET attempts = attempts WHERE id = $1 AND status = $2")
        .bind(inbound_id)
        .bind(expected)
        .execute(&mut *tx)
        .await?;
    if taken.rows_affected() == 0 {
        return Ok(Outcome::AlreadyDone);
    }
    let (message_id,): (i64,) = sqlx::query_as(
        "INSERT INTO inquiry_messages (inquiry_id, author_id, from_staff, body, created_at, client_key, via, quoted)
         VALUES ($1, $2, 0, $3, $4, $5, 'mail', $6) RETURNING id",
    )
    .bind(inquiry_id)
    .bind(member_id)
    .bind(&body)
    .bind(now)
    .bind(format!("mail:{inbound_id}"))
    .bind(&split.quoted)
    .fetch_one(&mut *tx)
    .await?;
    crate::search::server::index::message(&mut tx, message_id, &body).await?;
    attach(&mut tx, state, member_id, &ids, Place::Inquiry { inquiry_id, message_id: Some(message_id) }).await?;
    let assignee_id = back_to_desk(&mut tx, state, inquiry_id, due_ms, status == MailStatus::Attached, "mail").await?;
    let finished = Finished {
        status,
        reason: None,
        from: mail.from.as_deref(),
        subject: &mail.subject,
        text: &mail.text,
        inquiry_id: Some(inquiry_id),
        member_id: Some(member_id),
        message_id: Some(message_id),
    };
    let done = if status == MailStatus::Attached {
        // A held mail is no longer pending: the supervisor's action moves it on.
        sqlx::query(
            "UPDATE inbound_mail SET status = 'attached', inquiry_id = $1, member_id = $2, message_id = $3 WHERE id = $4 AND status = 'held'",
        )
        .bind(inquiry_id)
        .bind(member_id)
        .bind(message_id)
        .bind(inbound_id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1
    } else {
        finish(&mut *tx, inbound_id, &finished, now).await?
    };
    if !done {
        // Someone else finished it meanwhile: store nothing.
        return Ok(Outcome::AlreadyDone);
    }
    tx.commit().await?;
    tracing::info!(inbound_id, inquiry_id, message_id, "mail threaded as a follow-up");
    let event = crate::desk::DeskEvent::FollowUp { inquiry_id, assignee_id };
    crate::desk::server::publish(state, event).await;
    Ok(Outcome::Threaded { inquiry_id })
}

fn placeholder(id: i64) -> Claimed {
    Claimed { id, envelope_from: String::new(), recipients: Vec::new(), raw: Vec::new(), attempts: 0 }
}

/// A report about one of our mails: a refusal marks the outbox row and the member's address as
/// failing (staff see it on the inquiry, the member on the site). Anything else is held.
async fn bounced(cx: &Context<'_>, domain: &str) -> AppResult<Outcome> {
    let ids = bounce::outbox_ids(&cx.item.raw, domain);
    let Some(&outbox_id) = ids.first() else {
        return cx.set_aside(MailStatus::Held, HoldReason::BounceUnmatched, None, None).await;
    };
    let row: Option<(String, Option<i64>)> = sqlx::query_as("SELECT to_addr, inquiry_id FROM outbox WHERE id = $1")
        .bind(outbox_id)
        .fetch_optional(&cx.state.db.pool)
        .await?;
    let Some((to_addr, inquiry_id)) = row else {
        return cx.set_aside(MailStatus::Held, HoldReason::BounceUnmatched, None, None).await;
    };
    if !bounce::is_failure(&cx.item.raw) {
        // Only delayed: the relay is still trying; nothing to mark.
        return cx.set_aside(MailStatus::Ignored, HoldReason::Delayed, inquiry_id, None).await;
    }
    let reason = bounce::diagnostic(&cx.item.raw);
    let mut tx = cx.state.db.pool.begin().await?;
    sqlx::query("UPDATE outbox SET bounced_at = $1, last_error = $2 WHERE id = $3")
        .bind(cx.now)
        .bind(&reason)
        .bind(outbox_id)
        .execute(&mut *tx)
        .await?;
    let member: Option<(i64,)> =
        sqlx::query_as("UPDATE users SET mail_failing_at = $1, mail_failing_reason = $2 WHERE email = $3 RETURNING id")
            .bind(cx.now)
            .bind(&reason)
            .bind(&to_addr)
            .fetch_optional(&mut *tx)
            .await?;
    let mail = cx.mail.cloned().unwrap_or_default();
    let finished = Finished {
        status: MailStatus::Bounce,
        reason: None,
        from: mail.from.as_deref(),
        subject: &mail.subject,
        text: &mail.text,
        inquiry_id,
        member_id: member.map(|(id,)| id),
        message_id: None,
    };
    if !finish(&mut *tx, cx.item.id, &finished, cx.now).await? {
        return Ok(Outcome::AlreadyDone);
    }
    tx.commit().await?;
    tracing::warn!(outbox_id, %reason, "our mail bounced; the address is marked failing");
    Ok(Outcome::Bounce)
}
