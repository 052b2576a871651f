//! What the desk sees of inbound mail. Statuses and reasons are closed sets, stored as these names
//! (the table's CHECK constraints list the same ones).
use crate::calendar::Moment;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailStatus {
    /// Stored, not processed yet.
    Pending,
    /// Became a follow-up on its inquiry.
    Threaded,
    /// Waiting for a supervisor (see the reason).
    Held,
    /// Not a member's words (an auto-reply, our own mail): kept, not threaded, never answered.
    Ignored,
    /// A bounce of one of our mails: marked the outbox row and the address.
    Bounce,
    /// A supervisor threaded a held mail into an inquiry.
    Attached,
    /// A supervisor discarded a held mail.
    Discarded,
}

impl MailStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MailStatus::Pending => "pending",
            MailStatus::Threaded => "threaded",
            MailStatus::Held => "held",
            MailStatus::Ignored => "ignored",
            MailStatus::Bounce => "bounce",
            MailStatus::Attached => "attached",
            MailStatus::Discarded => "discarded",
        }
    }

    pub fn parse(s: &str) -> Option<MailStatus> {
        [
            MailStatus::Pending,
            MailStatus::Threaded,
            MailStatus::Held,
            MailStatus::Ignored,
            MailStatus::Bounce,
            MailStatus::Attached,
            MailStatus::Discarded,
        ]
        .into_iter()
        .find(|m| m.as_str() == s)
    }
}

/// Why a mail was not threaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HoldReason {
    /// Sent to the support address, not to an inquiry's reply address.
    NoToken,
    /// A reply address whose signature does not verify.
    BadSignature,
    /// The inquiry named does not exist (any more).
    UnknownInquiry,
    /// The sender is not the inquiry's member (at their current address).
    OtherSender,
    /// The member has withdrawn.
    Withdrawn,
    /// The inquiry is closed.
    Closed,
    /// Not readable as a mail.
    Unreadable,
    /// No words and no files once the quoted part is cut.
    Empty,
    AutoReply,
    OwnMail,
    /// A bounce that names none of our mails.
    BounceUnmatched,
    /// A relay's "still trying" notice about one of our mails.
    Delayed,
}

impl HoldReason {
    pub const ALL: [HoldReason; 12] = [
        HoldReason::NoToken,
        HoldReason::BadSignature,
        HoldReason::UnknownInquiry,
        HoldReason::OtherSender,
        HoldReason::Withdrawn,
        HoldReason::Closed,
        HoldReason::Unreadable,
        HoldReason::Empty,
        HoldReason::AutoReply,
        HoldReason::OwnMail,
        HoldReason::BounceUnmatched,
        HoldReason::Delayed,
    ];

    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            HoldReason::NoToken => {
                ("no_token", "サポート窓口宛(お問い合わせの指定なし)", "To the support address (no inquiry named)")
            }
            HoldReason::BadSignature => {
                ("bad_signature", "返信先アドレスの署名が不正", "Reply address signature does not verify")
            }
            HoldReason::UnknownInquiry => ("unknown_inquiry", "お問い合わせが見つからない", "Inquiry not found"),
            HoldReason::OtherSender => {
                ("other_sender", "会員の登録アドレス以外からの送信", "Not from the member's address")
            }
            HoldReason::Withdrawn => ("withdrawn", "退会済みの会員", "Member has withdrawn"),
            HoldReason::Closed => ("closed", "対応完了のお問い合わせへの返信", "Reply to a closed inquiry"),
            HoldReason::Unreadable => ("unreadable", "メールとして読めない", "Not readable as mail"),
            HoldReason::Empty => ("empty", "本文も添付もない", "No text and no files"),
            HoldReason::AutoReply => ("auto_reply", "自動応答", "Automatic reply"),
            HoldReason::OwnMail => ("own_mail", "当窓口から送ったメールの戻り", "Our own mail came back"),
            HoldReason::BounceUnmatched => {
                ("bounce_unmatched", "送信元不明のエラーメール", "Bounce of no mail of ours")
            }
            HoldReason::Delayed => ("delayed", "配信遅延の通知", "Delivery delayed notice"),
        }
    }

    pub fn as_str(self) -> &'static str {
        self.names().0
    }

    pub fn parse(s: &str) -> Option<HoldReason> {
        HoldReason::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let (_, ja, en) = self.names();
        if lang == Lang::En {
            en
        } else {
            ja
        }
    }
}

/// One mail in the supervisors' "unmatched mail" list. Every text in it is what a stranger wrote:
/// the page shows it as text, never as markup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldMail {
    pub id: i64,
    pub received_at: Moment,
    pub status: MailStatus,
    pub reason: Option<HoldReason>,
    pub from: String,
    pub subject: String,
    pub text: String,
    /// The inquiry the reply address named, when it named one.
    pub inquiry_id: Option<i64>,
    pub inquiry_reference: Option<String>,
}

/// Attach a held mail to an inquiry, by its reference (`MDG-…`) or number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachInput {
    pub mail_id: i64,
    pub inquiry: String,
}

/// A held mail to the plain support address made into a new inquiry of its sender's (a member).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewInquiryInput {
    pub mail_id: i64,
    pub category_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_the_migrations_checks() {
        let checks = [
            include_str!("../../../migrations/sqlite/0020_inbound_mail.sql"),
            include_str!("../../../migrations/postgres/0020_inbound_mail.sql"),
        ];
        for reason in HoldReason::ALL {
            assert_eq!(HoldReason::parse(reason.as_str()), Some(reason));
            for check in checks {
                assert!(check.contains(&format!("'{}'", reason.as_str())), "{reason:?} missing from the CHECK");
            }
        }
        for status in ["pending", "threaded", "held", "ignored", "bounce", "attached", "discarded"] {
            assert_eq!(MailStatus::parse(status).map(MailStatus::as_str), Some(status));
            for check in checks {
                assert!(check.contains(&format!("'{status}'")));
            }
        }
    }
}
