//! The mail desk's mails, in Japanese (the site's language; members read them in any client).
use crate::auth::UserView;
use crate::calendar::format_datetime;
use crate::contact::{Category, Submitted};
use crate::i18n::Lang;
use crate::mail::OutgoingMail;
use std::collections::BTreeMap;

/// The closing lines. With `replies` (reply addresses are on), the member may simply answer the
/// mail; otherwise the address is a no-reply one and the footer says so.
fn footer(lang: Lang, replies: bool) -> &'static str {
    match (lang, replies) {
        (Lang::Ja, true) => {
            "※このメールにそのまま返信すると、このお問い合わせへの追加のご連絡になります(引用部分は除いて記録します)。\n\
                     ※メール窓口の受付時間は平日11:00〜17:00です(土日祝日・年末年始を除く)。\n\n\
                     Madoguchi サポートセンター"
        }
        (Lang::En, true) => {
            "Reply to this mail to add to this inquiry (the quoted part is left out).\n\
                     The mail desk answers on weekdays, 11:00–17:00 JST (not on holidays or over New Year).\n\n\
                     Madoguchi Support Center"
        }
        (Lang::Ja, false) => {
            "※メール窓口の受付時間は平日11:00〜17:00です(土日祝日・年末年始を除く)。\n\
                     ※このメールは送信専用アドレスから送信しています。ご返信いただいてもお答えできません。\n\n\
                     Madoguchi サポートセンター"
        }
        (Lang::En, false) => {
            "The mail desk answers on weekdays, 11:00–17:00 JST (not on holidays or over New Year).\n\
                     This mail was sent from a no-reply address; replies to it are not read.\n\n\
                     Madoguchi Support Center"
        }
    }
}

/// A line saying files came with the message: mails never carry them (they can be large, and a
/// mailbox is not where a member's passbook screenshot should end up), only the way to them.
fn files_note(count: usize, link: &str, lang: Lang) -> String {
    match (count, lang) {
        (0, _) => String::new(),
        (n, Lang::Ja) => format!("\n添付ファイル: {n}件(メールには添付していません。こちらでご覧ください: {link})\n"),
        (n, Lang::En) => format!("\nAttachments: {n} (not included in this mail; see them here: {link})\n"),
    }
}

/// "We received your inquiry", in the member's language, with what they sent.
#[allow(clippy::too_many_arguments)]
pub fn acknowledgment(
    member: &UserView,
    category: &Category,
    fields: &BTreeMap<String, String>,
    submitted: &Submitted,
    files: usize,
    public_url: &str,
    lang: Lang,
    replies: bool,
) -> OutgoingMail {
    let summary: String = category
        .fields
        .iter()
        .filter_map(|spec| {
            fields.get(&spec.key).map(|v| format!("■{}\n{}\n", spec.label.get(lang), spec.display(v, lang)))
        })
        .collect::<Vec<_>>()
        .join("\n");
    let name = &member.display_name;
    let reference = &submitted.reference;
    let received = format_datetime(&submitted.received_at, lang);
    let due = format_datetime(&submitted.due_at, lang);
    let link = format!("{public_url}/contact/history/{}", submitted.id);
    let summary = format!("{summary}{}", files_note(files, &link, lang));
    let (subject, body) = match lang {
        Lang::Ja => (
            "[Madoguchi] お問い合わせ受付完了メール".to_owned(),
            format!(
                "{name} 様\n\n\
                 Madoguchi サポートセンターへのお問い合わせありがとうございます。\n\
                 以下の内容でお問い合わせを受け付けました。担当者より順次ご連絡いたします。\n\n\
                 受付番号: {reference}\nカテゴリ: {category}\n受付日時: {received}\n回答予定: {due} までにご連絡します\n\n\
                 ---- お問い合わせ内容 ----\n{summary}\n-------------------------\n\n\
                 お問い合わせの状況は「お問い合わせ履歴」でご確認いただけます。\n{link}",
                category = category.name.ja,
            ),
        ),
        Lang::En => (
            "[Madoguchi] We received your inquiry".to_owned(),
            format!(
                "Dear {name},\n\nThank you for contacting the Madoguchi Support Center. We received your \
                 inquiry as below and will get back to you.\n\n\
                 Reference: {reference}\nCategory: {category}\nReceived: {received}\nAnswer by: {due}\n\n\
                 ---- Your inquiry ----\n{summary}\n----------------------\n\n\
                 See its status in your inquiry history:\n{link}",
                category = category.name.en,
            ),
        ),
    };
    OutgoingMail { to: member.email.clone(), subject, body: format!("{body}\n\n{}\n", footer(lang, replies)) }
}

/// A staff reply, in the member's language around the staff member's own words.
#[allow(clippy::too_many_arguments)]
pub fn reply(
    member_name: &str,
    member_email: &str,
    reference: &str,
    inquiry_id: i64,
    staff_name: &str,
    text: &str,
    files: usize,
    public_url: &str,
    lang: Lang,
    closing: bool,
    replies: bool,
) -> OutgoingMail {
    let link = format!("{public_url}/contact/history/{inquiry_id}");
    let text = format!("{text}\n{}", files_note(files, &link, lang));
    let text = text.trim_end();
    // A reply that closes the inquiry asks how it went (the same 1–5 survey as after a chat).
    let survey = format!("{public_url}/contact/survey/{inquiry_id}");
    let survey = match (closing, lang) {
        (false, _) => String::new(),
        (true, Lang::Ja) => format!("\n\nこのお問い合わせは対応完了となりました。よろしければ対応についてのアンケート(1〜5の5段階)にお答えください(7日間):\n{survey}"),
        (true, Lang::En) => format!("\n\nThis inquiry is now closed. Would you tell us how we did (a 1–5 survey, open for 7 days)?\n{survey}"),
    };
    let (subject, body) = match lang {
        Lang::Ja => (
            format!("[Madoguchi] お問い合わせへのご回答({reference})"),
            format!(
                "{member_name} 様\n\nお問い合わせ({reference})について、担当の{staff_name}よりご回答いたします。\n\n\
                 ----\n{text}\n----\n\n\
                 回答内容とこれまでのやりとりは「お問い合わせ履歴」でご確認いただけます。追加のご質問もそちらからどうぞ。\n{link}{survey}"
            ),
        ),
        Lang::En => (
            format!("[Madoguchi] Our answer to your inquiry ({reference})"),
            format!(
                "Dear {member_name},\n\n{staff_name} answers your inquiry {reference}:\n\n----\n{text}\n----\n\n\
                 The answer and the whole conversation are in your inquiry history, where you can also ask more:\n{link}{survey}"
            ),
        ),
    };
    OutgoingMail { to: member_email.into(), subject, body: format!("{body}\n\n{}\n", footer(lang, replies)) }
}

/// Whom a mail about an inquiry goes to, and which inquiry (by its reference).
pub struct Addressee {
    pub name: String,
    pub email: String,
    pub reference: String,
}

/// The desk closed an answered inquiry by itself (no reply for `days` business days): said
/// plainly, with the way to ask again (a reply still reopens it) and the survey.
pub fn auto_closed(
    to: &Addressee,
    inquiry_id: i64,
    days: u32,
    public_url: &str,
    lang: Lang,
    replies: bool,
) -> OutgoingMail {
    let Addressee { name: member_name, email: member_email, reference } = to;
    let link = format!("{public_url}/contact/history/{inquiry_id}");
    let survey = format!("{public_url}/contact/survey/{inquiry_id}");
    let (subject, body) = match lang {
        Lang::Ja => (
            format!("[Madoguchi] お問い合わせの対応完了のお知らせ({reference})"),
            format!(
                "{member_name} 様\n\nお問い合わせ({reference})は、ご回答のあと{days}営業日ご返信がなかったため、対応完了としました。\n\
                 まだ解決していない場合は、このお問い合わせにご返信いただければ対応を再開します。\n{link}\n\n\
                 よろしければ対応についてのアンケート(1〜5の5段階)にお答えください(7日間):\n{survey}"
            ),
        ),
        Lang::En => (
            format!("[Madoguchi] Your inquiry is closed ({reference})"),
            format!(
                "Dear {member_name},\n\nWe closed your inquiry {reference}: there was no reply for {days} business days after our answer.\n\
                 If it is not solved yet, reply to this inquiry and we will pick it up again:\n{link}\n\n\
                 Would you tell us how we did (a 1–5 survey, open for 7 days)?\n{survey}"
            ),
        ),
    };
    OutgoingMail { to: member_email.clone(), subject, body: format!("{body}\n\n{}\n", footer(lang, replies)) }
}
