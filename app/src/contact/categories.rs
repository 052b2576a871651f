//! The categories the mail desk starts with. They are seeded into the database on first start;
//! from then on the stored definitions are the truth (staff may edit them later).
#![cfg_attr(not(any(feature = "ssr", test)), allow(dead_code))]
use super::schema::{Category, ChoiceOption, FieldKind, FieldSpec, Localized, MESSAGE_MAX};

fn l(ja: &str, en: &str) -> Localized {
    Localized::new(ja, en)
}

fn field(key: &str, label: Localized, kind: FieldKind, required: bool) -> FieldSpec {
    FieldSpec { key: key.into(), label, help: None, kind, required }
}

fn choice(options: &[(&str, &str, &str)]) -> FieldKind {
    FieldKind::Choice {
        options: options
            .iter()
            .map(|(value, ja, en)| ChoiceOption { value: (*value).into(), label: l(ja, en) })
            .collect(),
    }
}

fn message(required: bool) -> FieldSpec {
    let mut spec =
        field("message", l("お問い合わせ内容", "Your message"), FieldKind::Multiline { max: MESSAGE_MAX }, required);
    spec.help = Some(l("2,000文字以内", "Up to 2,000 characters"));
    spec
}

pub fn default_categories() -> Vec<Category> {
    vec![
        Category {
            id: "points".into(),
            name: l("ポイント獲得について(ポイント付与・通帳記載)", "Earning points (credits and passbook)"),
            notices: vec![
                l(
                    "ポイントは広告主による確認後に付与されます。ご利用から通帳への記載まで、通常30〜90日ほどかかります。",
                    "Points are credited after the advertiser confirms your purchase, usually 30–90 days after use.",
                ),
                l(
                    "判定中のポイントは、通帳に表示された判定予定日を過ぎてからお問い合わせください。",
                    "For pending points, please wait until the judgement date shown in your passbook has passed.",
                ),
                l(
                    "ご利用日、注文番号(予約番号)、ご利用金額がわかるもの(注文確認メールなど)をお手元にご用意ください。",
                    "Have your date of use, order (reservation) number and amount ready, e.g. the order confirmation mail.",
                ),
            ],
            fields: vec![
                field("shop_name", l("ショップ・広告主名", "Shop / advertiser"), FieldKind::Line { max: 100 }, true),
                field("used_on", l("ご利用日", "Date of use"), FieldKind::Date, true),
                field("order_number", l("注文番号・予約番号", "Order / reservation number"), FieldKind::Line { max: 50 }, false),
                field("amount", l("ご利用金額(円)", "Amount (yen)"), FieldKind::Amount, false),
                field(
                    "passbook_status",
                    l("現在の通帳の状態", "Current passbook status"),
                    choice(&[
                        ("not_shown", "通帳に記載がない", "Not shown in the passbook"),
                        ("pending", "判定中のまま変わらない", "Stuck as pending"),
                        ("rejected", "却下・無効になった", "Rejected / void"),
                        ("other", "その他", "Other"),
                    ]),
                    true,
                ),
                message(true),
            ],
        },
        Category {
            id: "account".into(),
            name: l("登録情報の変更(メールアドレス・パスワード・各種設定)", "Changing registered details (email, password, settings)"),
            notices: vec![
                l(
                    "メールアドレス・パスワード・メール受信設定は、マイページの「登録情報の変更」からご自身で変更できます。",
                    "You can change your email, password and mail settings yourself under My page → Registered details.",
                ),
                l(
                    "ご本人確認のため、ご登録の生年月日などをお伺いする場合があります。",
                    "To confirm it is you, we may ask for details such as your registered date of birth.",
                ),
            ],
            fields: vec![
                field(
                    "change_target",
                    l("変更したい内容", "What to change"),
                    choice(&[
                        ("email", "メールアドレス", "Email address"),
                        ("password", "パスワード", "Password"),
                        ("settings", "各種設定", "Settings"),
                    ]),
                    true,
                ),
                field("details", l("変更の詳細", "Details"), FieldKind::Multiline { max: 1000 }, true),
                message(false),
            ],
        },
        Category {
            id: "exchange".into(),
            name: l("ポイント交換", "Exchanging points"),
            notices: vec![l(
                "交換の反映には交換先により数日〜1か月ほどかかります。交換履歴で状況をご確認ください。",
                "Exchanges take a few days to a month depending on the partner. Check your exchange history first.",
            )],
            fields: vec![
                field("exchange_target", l("交換先", "Exchange partner"), FieldKind::Line { max: 100 }, true),
                field("requested_on", l("交換申請日", "Date requested"), FieldKind::Date, true),
                field("exchange_id", l("交換申請番号", "Exchange request number"), FieldKind::Line { max: 50 }, false),
                message(true),
            ],
        },
        Category {
            id: "withdrawal".into(),
            name: l("退会", "Closing your account"),
            notices: vec![
                l(
                    "退会すると、お持ちのポイントはすべて失効し、元に戻すことはできません。",
                    "Closing your account forfeits all your points; this cannot be undone.",
                ),
                l("退会はマイページの「退会手続き」からも行えます。", "You can also close your account from My page."),
            ],
            fields: vec![
                field(
                    "reason",
                    l("退会の理由", "Reason"),
                    choice(&[
                        ("not_using", "利用しなくなった", "No longer using the site"),
                        ("too_many_mails", "メールが多い", "Too many mails"),
                        ("privacy", "個人情報が心配", "Privacy concerns"),
                        ("other", "その他", "Other"),
                    ]),
                    true,
                ),
                message(false),
            ],
        },
        Category {
            id: "bug".into(),
            name: l("サイトの不具合", "Problems with the site"),
            notices: vec![l(
                "発生したページのURL、ご利用の端末、発生日時をお知らせいただくと調査がスムーズです。",
                "The page address, your device and when it happened help us investigate faster.",
            )],
            fields: vec![
                field("page_url", l("発生したページのURL", "Page address (URL)"), FieldKind::Line { max: 300 }, false),
                field(
                    "device",
                    l("ご利用の端末", "Device"),
                    choice(&[
                        ("pc", "パソコン", "PC"),
                        ("smartphone", "スマートフォン", "Smartphone"),
                        ("tablet", "タブレット", "Tablet"),
                    ]),
                    true,
                ),
                field("occurred_on", l("発生日", "Date it happened"), FieldKind::Date, false),
                message(true),
            ],
        },
        Category {
            id: "other".into(),
            name: l("その他", "Other"),
            notices: vec![l(
                "よくある質問で解決できる場合があります。あわせてご確認ください。",
                "Our FAQ may already answer your question.",
            )],
            fields: vec![message(true)],
        },
    ]
}
