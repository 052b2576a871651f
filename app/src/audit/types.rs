use crate::calendar::Moment;
use crate::i18n::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a staff member did (`audit_log.action`, with a CHECK listing the same names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuditAction {
    Login,
    LoginFailed,
    Reply,
    Status,
    Assign,
    Note,
    ViewInquiry,
    ViewTranscript,
    Export,
    StaffInvite,
    StaffRole,
    StaffDeactivate,
    StaffReactivate,
    ClosureAdd,
    ClosureRemove,
    IdeaDecision,
    ArticleSave,
    MemberWithdraw,
    CategorySave,
    MailAttach,
    MailDiscard,
    ViewMember,
    RulesSave,
    Priority,
    ParentLookup,
    WebhookResend,
    Recategorize,
    Tag,
    TagsManage,
    Merge,
    Incident,
}

impl AuditAction {
    pub const ALL: [AuditAction; 31] = [
        AuditAction::Login,
        AuditAction::LoginFailed,
        AuditAction::Reply,
        AuditAction::Status,
        AuditAction::Assign,
        AuditAction::Note,
        AuditAction::ViewInquiry,
        AuditAction::ViewTranscript,
        AuditAction::Export,
        AuditAction::StaffInvite,
        AuditAction::StaffRole,
        AuditAction::StaffDeactivate,
        AuditAction::StaffReactivate,
        AuditAction::ClosureAdd,
        AuditAction::ClosureRemove,
        AuditAction::IdeaDecision,
        AuditAction::ArticleSave,
        AuditAction::MemberWithdraw,
        AuditAction::CategorySave,
        AuditAction::MailAttach,
        AuditAction::MailDiscard,
        AuditAction::ViewMember,
        AuditAction::RulesSave,
        AuditAction::Priority,
        AuditAction::ParentLookup,
        AuditAction::WebhookResend,
        AuditAction::Recategorize,
        AuditAction::Tag,
        AuditAction::TagsManage,
        AuditAction::Merge,
        AuditAction::Incident,
    ];

    /// The stored name (and the CSV's).
    pub fn as_str(self) -> &'static str {
        self.names().0
    }

    pub fn parse(s: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.as_str() == s)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let (_, ja, en) = self.names();
        if lang == Lang::En {
            en
        } else {
            ja
        }
    }

    /// (stored name, Japanese, English): one place per action, so a new action cannot miss one.
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            AuditAction::Login => ("login", "ログイン", "Login"),
            AuditAction::LoginFailed => ("login_failed", "ログイン失敗", "Failed login"),
            AuditAction::Reply => ("reply", "回答送信", "Reply"),
            AuditAction::Status => ("status", "状態変更", "Status change"),
            AuditAction::Assign => ("assign", "担当割り当て", "Assignment"),
            AuditAction::Note => ("note", "社内メモ", "Internal note"),
            AuditAction::ViewInquiry => ("view_inquiry", "お問い合わせ閲覧", "Inquiry viewed"),
            AuditAction::ViewTranscript => ("view_transcript", "チャット記録閲覧", "Transcript viewed"),
            AuditAction::Export => ("export", "データ出力", "Export"),
            AuditAction::StaffInvite => ("staff_invite", "スタッフ招待", "Staff invited"),
            AuditAction::StaffRole => ("staff_role", "権限変更", "Role changed"),
            AuditAction::StaffDeactivate => ("staff_deactivate", "スタッフ無効化", "Staff deactivated"),
            AuditAction::StaffReactivate => ("staff_reactivate", "スタッフ再有効化", "Staff reactivated"),
            AuditAction::ClosureAdd => ("closure_add", "休業日追加", "Closure day added"),
            AuditAction::ClosureRemove => ("closure_remove", "休業日削除", "Closure day removed"),
            AuditAction::IdeaDecision => ("idea_decision", "ご意見の判断", "Idea decision"),
            AuditAction::ArticleSave => ("article_save", "ヘルプ記事の保存", "Help article saved"),
            AuditAction::MemberWithdraw => ("member_withdraw", "会員の退会手続き", "Member withdrawn"),
            AuditAction::CategorySave => ("category_save", "お問い合わせカテゴリの保存", "Inquiry category saved"),
            AuditAction::MailAttach => ("mail_attach", "受信メールの紐付け", "Held mail attached"),
            AuditAction::MailDiscard => ("mail_discard", "受信メールの破棄", "Held mail discarded"),
            AuditAction::ViewMember => ("view_member", "会員ページの閲覧", "Member page opened"),
            AuditAction::RulesSave => ("rules_save", "自動ルールの変更", "Desk rules changed"),
            AuditAction::Priority => ("priority", "優先度の変更", "Priority set"),
            AuditAction::ParentLookup => ("parent_lookup", "親サイトのデータ照会", "Parent-site data looked up"),
            AuditAction::WebhookResend => ("webhook_resend", "Webhook の再送", "Webhook resent"),
            AuditAction::Recategorize => ("recategorize", "カテゴリの変更", "Inquiry recategorized"),
            AuditAction::Tag => ("tag", "タグの付け外し", "Tag applied or removed"),
            AuditAction::TagsManage => ("tags_manage", "タグ一覧の変更", "Tag list changed"),
            AuditAction::Merge => ("merge", "お問い合わせの統合", "Inquiries merged"),
            AuditAction::Incident => ("incident", "障害・一括対応の変更", "Incident changed"),
        }
    }
}

/// One row of the audit log as supervisors see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: Moment,
    pub actor_id: i64,
    /// Display name and address of the actor (as they are now).
    pub actor: String,
    pub action: AuditAction,
    /// What the action was on: `inquiry:12`, `user:5`, `day:2026-12-01`, …
    pub target: String,
    pub client_ip: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub actor_id: Option<i64>,
    pub action: Option<AuditAction>,
    /// Days in Japan time, both included; by default the last 28 days.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Older than this row (the "older" button); `None` for the newest.
    pub before_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLogPage {
    pub entries: Vec<AuditEntry>,
    /// There are older rows for the same filter.
    pub more: bool,
    /// Every staff account, for the actor filter.
    pub staff: Vec<(i64, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_the_migrations_check() {
        // The newest migration that sets the list, on each backend.
        let checks = [
            include_str!("../../migrations/sqlite/0028_incidents.sql"),
            include_str!("../../migrations/postgres/0028_incidents.sql"),
        ];
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::parse(action.as_str()), Some(action));
            for check in checks {
                assert!(check.contains(&format!("'{}'", action.as_str())), "{action:?} missing from the CHECK");
            }
        }
    }
}
