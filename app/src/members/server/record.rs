//! Reading one member's record for staff. Each list is one indexed query by member; the page
//! shows the newest 100 of each (a member with more is a rare, reported case).
use crate::audit::server as audit;
use crate::audit::AuditAction;
use crate::auth::server::require_staff;
use crate::calendar::Moment;
use crate::contact::server::{load_categories, summary, SUMMARY_COLUMNS};
use crate::error::{AppError, AppResult};
use crate::ideas::IdeaStatus;
use crate::infra::http::state;
use crate::members::{AccountEvent, AccountEventKind, MemberChat, MemberIdea, MemberRecord, MemberSurvey, SurveyAbout};

const LIST: i64 = 100;

#[derive(sqlx::FromRow)]
struct UserRow {
    display_name: String,
    email: String,
    sso_subject: Option<String>,
    created_at: i64,
    email_verified_at: Option<i64>,
    withdrawn_at: Option<i64>,
    mail_failing_at: Option<i64>,
    mail_failing_reason: Option<String>,
}

#[derive(sqlx::FromRow)]
struct InquirySurveyRow {
    inquiry_id: i64,
    reference: Option<String>,
    score: i64,
    resolved: i64,
    comment: Option<String>,
    created_at: i64,
}

pub async fn load(member_id: i64) -> AppResult<MemberRecord> {
    let staff = require_staff().await?;
    let state = state()?;
    let pool = &state.db.pool;
    let user: Option<UserRow> = sqlx::query_as(
        "SELECT display_name, email, sso_subject, created_at, email_verified_at, withdrawn_at, mail_failing_at,
                mail_failing_reason
         FROM users WHERE id = $1 AND role = 'member'",
    )
    .bind(member_id)
    .fetch_optional(pool)
    .await?;
    let Some(user) = user else { return Err(AppError::NotFound) };
    // Personal data: who opened whose page is recorded, whether or not they read further.
    audit::record_here(&staff, AuditAction::ViewMember, &format!("member:{member_id}")).await?;

    let categories = load_categories(&state.db).await?;
    let rows = sqlx::query(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM inquiries i WHERE i.member_id = $1 ORDER BY i.received_at DESC, i.id DESC LIMIT $2"
    ))
    .bind(member_id)
    .bind(LIST)
    .fetch_all(pool)
    .await?;
    let inquiries = rows.iter().map(|r| summary(r, &categories)).collect::<AppResult<Vec<_>>>()?;

    let chats: Vec<(i64, String, i64, String, Option<String>, i64)> = sqlx::query_as(
        "SELECT s.id, s.topic, s.enqueued_at, s.status, u.display_name,
                (SELECT COUNT(*) FROM chat_messages m WHERE m.session_id = s.id)
         FROM chat_sessions s LEFT JOIN users u ON u.id = s.staff_id
         WHERE s.member_id = $1 ORDER BY s.id DESC LIMIT $2",
    )
    .bind(member_id)
    .bind(LIST)
    .fetch_all(pool)
    .await?;
    let chats = chats
        .into_iter()
        .map(|(id, topic, started, status, staff_name, messages)| MemberChat {
            id,
            topic,
            started_at: Moment::from_millis(started),
            ended: matches!(status.as_str(), "ended" | "left"),
            staff_name,
            messages,
        })
        .collect();

    let mut surveys: Vec<MemberSurvey> = Vec::new();
    let chat_surveys: Vec<(i64, i64, i64, Option<String>, i64)> = sqlx::query_as(
        "SELECT session_id, score, resolved, comment, created_at FROM chat_surveys WHERE member_id = $1
         ORDER BY created_at DESC LIMIT $2",
    )
    .bind(member_id)
    .bind(LIST)
    .fetch_all(pool)
    .await?;
    for (session_id, score, resolved, comment, at) in chat_surveys {
        surveys.push(MemberSurvey {
            about: SurveyAbout::Chat(session_id),
            score,
            resolved: resolved != 0,
            comment,
            at: Moment::from_millis(at),
        });
    }
    let inquiry_surveys: Vec<InquirySurveyRow> = sqlx::query_as(
        "SELECT s.inquiry_id, i.reference, s.score, s.resolved, s.comment, s.created_at
         FROM inquiry_surveys s JOIN inquiries i ON i.id = s.inquiry_id WHERE s.member_id = $1
         ORDER BY s.created_at DESC LIMIT $2",
    )
    .bind(member_id)
    .bind(LIST)
    .fetch_all(pool)
    .await?;
    for r in inquiry_surveys {
        surveys.push(MemberSurvey {
            about: SurveyAbout::Inquiry { id: r.inquiry_id, reference: r.reference.unwrap_or_default() },
            score: r.score,
            resolved: r.resolved != 0,
            comment: r.comment,
            at: Moment::from_millis(r.created_at),
        });
    }
    surveys.sort_by_key(|s| std::cmp::Reverse(s.at));

    let ideas: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT id, title, status, created_at FROM ideas WHERE member_id = $1 ORDER BY id DESC LIMIT $2",
    )
    .bind(member_id)
    .bind(LIST)
    .fetch_all(pool)
    .await?;
    let ideas = ideas
        .into_iter()
        .map(|(id, title, status, at)| {
            Ok(MemberIdea {
                id,
                title,
                status: IdeaStatus::parse(&status).ok_or(AppError::Internal)?,
                created_at: Moment::from_millis(at),
            })
        })
        .collect::<AppResult<Vec<_>>>()?;

    let changes: Vec<(i64,)> =
        sqlx::query_as("SELECT created_at FROM email_changes WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2")
            .bind(member_id)
            .bind(LIST)
            .fetch_all(pool)
            .await?;
    let mut events = vec![AccountEvent { at: Moment::from_millis(user.created_at), kind: AccountEventKind::Joined }];
    let mut add = |at: Option<i64>, kind| {
        if let Some(at) = at {
            events.push(AccountEvent { at: Moment::from_millis(at), kind });
        }
    };
    add(user.email_verified_at, AccountEventKind::AddressVerified);
    add(user.mail_failing_at, AccountEventKind::MailFailing);
    add(user.withdrawn_at, AccountEventKind::Withdrawn);
    for (at,) in changes {
        add(Some(at), AccountEventKind::AddressChangeAsked);
    }
    events.sort_by_key(|e| std::cmp::Reverse(e.at));

    Ok(MemberRecord {
        id: member_id,
        display_name: user.display_name,
        email: user.email,
        sso_subject: user.sso_subject,
        joined_at: Moment::from_millis(user.created_at),
        withdrawn_at: user.withdrawn_at.map(Moment::from_millis),
        mail_failing: user
            .mail_failing_at
            .map(|at| (Moment::from_millis(at), user.mail_failing_reason.unwrap_or_default())),
        inquiries,
        chats,
        surveys,
        ideas,
        events,
    })
}
