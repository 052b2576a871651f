//! The invitation mail, in the language of the supervisor's page. The inviter's display name is
//! the only thing in it someone typed, and they are staff.
use crate::auth::StaffRole;
use crate::i18n::Lang;
use crate::mail::OutgoingMail;

pub fn invitation(to: &str, inviter: &str, role: StaffRole, link: &str, valid_hours: i64, lang: Lang) -> OutgoingMail {
    let role_name = role.label(lang);
    let (subject, body) = match lang {
        Lang::Ja => (
            "スタッフアカウントへのご招待",
            format!(
                "{inviter} さんから、Madoguchi サポートセンターのスタッフ({role_name})として招待されました。\n\n\
                 次のリンクを開いて、お名前とパスワードを設定してください({valid_hours}時間有効・1回限り)。\n\n{link}\n\n\
                 お心当たりのない場合は、このメールを破棄してください。アカウントは作成されません。\n\n\
                 ※このメールは送信専用アドレスから送信しています。\n\nMadoguchi サポートセンター"
            ),
        ),
        Lang::En => (
            "You are invited to join the staff",
            format!(
                "{inviter} invited you to the Madoguchi support center's staff ({role_name}).\n\n\
                 Open this link within {valid_hours} hours (it works once) to choose your name and password:\n\n{link}\n\n\
                 If you did not expect this, ignore this mail; no account is made.\n\n\
                 This mail was sent from a no-reply address.\n\nMadoguchi Support Center"
            ),
        ),
    };
    OutgoingMail { to: to.to_owned(), subject: format!("[Madoguchi] {subject}"), body: format!("{body}\n") }
}
