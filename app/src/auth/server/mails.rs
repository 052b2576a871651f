//! Account mails, in Japanese and English together: at sign-up we do not yet know which the
//! member reads. Links carry the single-use token; nothing the requester typed is echoed except
//! the display name the owner chose themselves.
use crate::mail::OutgoingMail;

const FOOTER: &str = "※このメールは送信専用アドレスから送信しています。\n\
This mail was sent from a no-reply address.\n\nMadoguchi サポートセンター / Madoguchi Support Center";

pub const VERIFY_SUBJECT: &str = "[Madoguchi] メールアドレスの確認 / Confirm your email address";
pub const ALREADY_SUBJECT: &str =
    "[Madoguchi] 会員登録のお申し込みがありました / Someone tried to sign up with your address";

pub fn verification(to: &str, name: &str, link: &str, valid_hours: i64) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: VERIFY_SUBJECT.to_owned(),
        body: format!(
            "{name} 様\n\n\
             Madoguchi サポートセンターへのご登録ありがとうございます。\n\
             次のリンクを開いて、メールアドレスの確認を完了してください({valid_hours}時間有効・1回限り)。\n\n\
             {link}\n\n\
             お心当たりのない場合は、このメールを破棄してください。登録は完了しません。\n\n\
             ----\n\
             Thank you for signing up. Open the link above within {valid_hours} hours (it works once) to \
             confirm your email address. If this was not you, ignore this mail.\n\n{FOOTER}\n"
        ),
    }
}

/// To the owner of an address someone tried to register again. Says nothing to the requester.
pub fn already_registered(to: &str, login_link: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: ALREADY_SUBJECT.to_owned(),
        body: format!(
            "このメールアドレスで会員登録のお申し込みがありましたが、このアドレスはすでに登録済みです。\n\
             ご自身のお申し込みであれば、こちらからログインしてください。\n\n{login_link}\n\n\
             お心当たりのない場合は、このメールを破棄してください。アカウントに変更はありません。\n\n\
             ----\n\
             Someone tried to sign up with this address, which already has an account. If it was you, \
             log in at the link above. If not, ignore this mail: nothing about your account changed.\n\n{FOOTER}\n"
        ),
    }
}

pub const RESET_SUBJECT: &str = "[Madoguchi] パスワードの再設定 / Reset your password";
pub const CHANGED_SUBJECT: &str = "[Madoguchi] パスワードを変更しました / Your password was changed";

pub fn reset_link(to: &str, link: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: RESET_SUBJECT.to_owned(),
        body: format!(
            "パスワード再設定のお申し込みを受け付けました。\n\
             次のリンクを開いて、新しいパスワードを設定してください(30分間有効・1回限り)。\n\n{link}\n\n\
             お心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。\n\n\
             ----\n\
             Open the link above within 30 minutes (it works once) to choose a new password. If you \
             did not ask for this, ignore this mail: your password stays as it is.\n\n{FOOTER}\n"
        ),
    }
}

pub fn password_changed(to: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: CHANGED_SUBJECT.to_owned(),
        body: format!(
            "アカウントのパスワードが変更され、ほかの端末のログインはすべて終了しました。\n\
             お心当たりのない場合は、ログインページの「パスワードをお忘れの方」から再設定し、\
             サポートセンターにご連絡ください。\n\n\
             ----\n\
             Your password was changed and every other login ended. If this was not you, reset your \
             password from the login page and contact us.\n\n{FOOTER}\n"
        ),
    }
}

pub const WITHDRAWN_SUBJECT: &str = "[Madoguchi] 退会手続きが完了しました / Your account was closed";

/// Sent to the address before it is erased: the last mail Madoguchi sends there.
pub fn withdrawn(to: &str, name: &str) -> OutgoingMail {
    OutgoingMail {
        to: to.to_owned(),
        subject: WITHDRAWN_SUBJECT.to_owned(),
        body: format!(
            "{name} 様\n\n\
             Madoguchi サポートセンターの退会手続きが完了しました。\n\
             メールアドレス、表示名、お問い合わせやチャットでお書きいただいた内容は削除しました。\n\
             これまでのご利用ありがとうございました。\n\
             お心当たりのない場合は、お手数ですがポイントサイトのお問い合わせ窓口までご連絡ください。\n\n\
             ----\n\
             Your Madoguchi account was closed. Your email address, display name and everything you \
             wrote in inquiries and chats were erased. If this was not you, please contact the points \
             site's support.\n\n{FOOTER}\n"
        ),
    }
}
