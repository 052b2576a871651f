//! The mail desk's mails, in Japanese (the site's language; members read them in any client).
use crate::auth::UserView;
use crate::calendar::format_datetime;
use crate::contact::{Category, Submitted};
use crate::i18n::Lang;
use crate::mail::OutgoingMail;
use std::collections::BTreeMap;

pub const ACK_SUBJECT: &str = "[Madoguchi] お問い合わせ受付完了メール";

const FOOTER: &str = "※メール窓口の受付時間は平日11:00〜17:00です(土日祝日・年末年始を除く)。\n\
※このメールは送信専用アドレスから送信しています。ご返信いただいてもお答えできません。\n\n\
Madoguchi サポートセンター";

pub fn acknowledgment(
    member: &UserView,
    category: &Category,
    fields: &BTreeMap<String, String>,
    submitted: &Submitted,
    public_url: &str,
) -> OutgoingMail {
    let summary: String = category
        .fields
        .iter()
        .filter_map(|spec| {
            fields.get(&spec.key).map(|v| format!("■{}\n{}\n", spec.label.ja, spec.display(v, Lang::Ja)))
        })
        .collect::<Vec<_>>()
        .join("\n");
    let body = format!(
        "{name} 様\n\n\
         Madoguchi サポートセンターへのお問い合わせありがとうございます。\n\
         以下の内容でお問い合わせを受け付けました。担当者より順次ご連絡いたします。\n\n\
         受付番号: {reference}\n\
         カテゴリ: {category}\n\
         受付日時: {received}\n\
         回答予定: {due} までにご連絡します\n\n\
         ---- お問い合わせ内容 ----\n{summary}\n\
         -------------------------\n\n\
         お問い合わせの状況は「お問い合わせ履歴」でご確認いただけます。\n{public_url}/contact/history/{id}\n\n{FOOTER}\n",
        name = member.display_name,
        reference = submitted.reference,
        category = category.name.ja,
        received = format_datetime(&submitted.received_at, Lang::Ja),
        due = format_datetime(&submitted.due_at, Lang::Ja),
        id = submitted.id,
    );
    OutgoingMail { to: member.email.clone(), subject: ACK_SUBJECT.into(), body }
}

pub fn reply(
    member_name: &str,
    member_email: &str,
    reference: &str,
    inquiry_id: i64,
    staff_name: &str,
    text: &str,
    public_url: &str,
) -> OutgoingMail {
    let body = format!(
        "{member_name} 様\n\n\
         お問い合わせ({reference})について、担当の{staff_name}よりご回答いたします。\n\n\
         ----\n{text}\n----\n\n\
         回答内容とこれまでのやりとりは「お問い合わせ履歴」でご確認いただけます。追加のご質問もそちらからどうぞ。\n\
         {public_url}/contact/history/{inquiry_id}\n\n{FOOTER}\n"
    );
    OutgoingMail {
        to: member_email.into(), subject: format!("[Madoguchi] お問い合わせへのご回答({reference})"), body
    }
}
