//! Account mails, each in the member's language (`users.mail_lang`; sign-up takes the page's).
//! Links carry the single-use token; nothing a requester typed is echoed except the display name
//! the owner chose themselves.
use crate::i18n::Lang;
use crate::mail::OutgoingMail;

fn footer(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "※このメールは送信専用アドレスから送信しています。\n\nMadoguchi サポートセンター",
        Lang::En => "This mail was sent from a no-reply address.\n\nMadoguchi Support Center",
    }
}

fn mail(to: &str, lang: Lang, subject: (&str, &str), body: (String, String)) -> OutgoingMail {
    let (subject, body) = match lang {
        Lang::Ja => (subject.0, body.0),
        Lang::En => (subject.1, body.1),
    };
    OutgoingMail {
        to: to.to_owned(),
        subject: format!("[Madoguchi] {subject}"),
        body: format!("{body}\n\n{}\n", footer(lang)),
    }
}

pub fn verification(to: &str, name: &str, link: &str, valid_hours: i64, lang: Lang) -> OutgoingMail {
    mail(
        to,
        lang,
        ("メールアドレスの確認", "Confirm your email address"),
        (
            format!(
                "{name} 様\n\nMadoguchi サポートセンターへのご登録ありがとうございます。\n\
                 次のリンクを開いて、メールアドレスの確認を完了してください({valid_hours}時間有効・1回限り)。\n\n{link}\n\n\
                 お心当たりのない場合は、このメールを破棄してください。登録は完了しません。"
            ),
            format!(
                "Dear {name},\n\nThank you for signing up. Open this link within {valid_hours} hours (it works once) \
                 to confirm your email address:\n\n{link}\n\nIf this was not you, ignore this mail."
            ),
        ),
    )
}

/// To the owner of an address someone tried to register again. Says nothing to the requester.
pub fn already_registered(to: &str, login_link: &str, lang: Lang) -> OutgoingMail {
    mail(
        to,
        lang,
        ("会員登録のお申し込みがありました", "Someone tried to sign up with your address"),
        (
            format!(
                "このメールアドレスで会員登録のお申し込みがありましたが、このアドレスはすでに登録済みです。\n\
                 ご自身のお申し込みであれば、こちらからログインしてください。\n\n{login_link}\n\n\
                 お心当たりのない場合は、このメールを破棄してください。アカウントに変更はありません。"
            ),
            format!(
                "Someone tried to sign up with this address, which already has an account. If it was you, \
                 log in here:\n\n{login_link}\n\nIf not, ignore this mail: nothing about your account changed."
            ),
        ),
    )
}

pub fn reset_link(to: &str, link: &str, lang: Lang) -> OutgoingMail {
    mail(
        to,
        lang,
        ("パスワードの再設定", "Reset your password"),
        (
            format!(
                "パスワード再設定のお申し込みを受け付けました。\n\
                 次のリンクを開いて、新しいパスワードを設定してください(30分間有効・1回限り)。\n\n{link}\n\n\
                 お心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。"
            ),
            format!(
                "Open this link within 30 minutes (it works once) to choose a new password:\n\n{link}\n\n\
                 If you did not ask for this, ignore this mail: your password stays as it is."
            ),
        ),
    )
}

pub fn password_changed(to: &str, lang: Lang) -> OutgoingMail {
    mail(
        to,
        lang,
        ("パスワードを変更しました", "Your password was changed"),
        (
            "アカウントのパスワードが変更され、ほかの端末のログインはすべて終了しました。\n\
             お心当たりのない場合は、ログインページの「パスワードをお忘れの方」から再設定し、\
             サポートセンターにご連絡ください。"
                .into(),
            "Your password was changed and every other login ended. If this was not you, reset your \
             password from the login page and contact us."
                .into(),
        ),
    )
}

/// Sent to the address before it is erased: the last mail Madoguchi sends there.
pub fn withdrawn(to: &str, name: &str, lang: Lang) -> OutgoingMail {
    mail(
        to,
        lang,
        ("退会手続きが完了しました", "Your account was closed"),
        (
            format!(
                "{name} 様\n\nMadoguchi サポートセンターの退会手続きが完了しました。\n\
                 メールアドレス、表示名、お問い合わせやチャットでお書きいただいた内容は削除しました。\n\
                 これまでのご利用ありがとうございました。\n\
                 お心当たりのない場合は、お手数ですがポイントサイトのお問い合わせ窓口までご連絡ください。"
            ),
            format!(
                "Dear {name},\n\nYour Madoguchi account was closed. Your email address, display name and \
                 everything you wrote in inquiries and chats were erased. If this was not you, please \
                 contact the points site's support."
            ),
        ),
    )
}

/// To the new address: the link that makes the change.
pub fn email_change_link(to: &str, name: &str, link: &str, lang: Lang) -> OutgoingMail {
    mail(
        to,
        lang,
        ("メールアドレス変更の確認", "Confirm your new email address"),
        (
            format!(
                "{name} 様\n\nメールアドレスの変更を受け付けました。次のリンクを開くと、\
                 このアドレスへの変更が完了します(24時間有効・1回限り)。\n\n{link}\n\n\
                 お心当たりのない場合は、このメールを破棄してください。変更はされません。"
            ),
            format!(
                "Dear {name},\n\nOpen this link within 24 hours (it works once) to make this your \
                 Madoguchi address:\n\n{link}\n\nIf you did not ask for this, ignore this mail."
            ),
        ),
    )
}

/// To the current address when a change is asked for, and again when it is made.
pub fn email_change_notice(to: &str, new_masked: &str, done: bool, lang: Lang) -> OutgoingMail {
    let (subject, ja, en) = if done {
        (
            ("メールアドレスを変更しました", "Your email address was changed"),
            format!("アカウントのメールアドレスが {new_masked} に変更されました。今後のお知らせは新しいアドレスに届きます。"),
            format!("Your account's address was changed to {new_masked}. Our mails now go there."),
        )
    } else {
        (
            ("メールアドレス変更のお申し込み", "A change of your email address was asked for"),
            format!(
                "アカウントのメールアドレスを {new_masked} に変更するお申し込みがありました。\
                 新しいアドレスで確認されるまで、変更はされません。"
            ),
            format!("Someone asked to change your address to {new_masked}. Nothing changes until the new address confirms it."),
        )
    };
    let ja = format!("{ja}\nお心当たりのない場合は、パスワードを変更し、サポートセンターにご連絡ください。");
    let en = format!("{en}\nIf this was not you, change your password and contact us.");
    mail(to, lang, subject, (ja, en))
}

/// `hanako@example.jp` → `ha***@example.jp`: enough for the owner to recognize, not to harvest.
pub fn mask(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => format!("{}***@{domain}", local.chars().take(2).collect::<String>()),
        None => "***".into(),
    }
}
