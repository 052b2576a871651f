//! A suggested answer for what the parent site shows, for staff to insert into the reply and
//! adjust. One per judgement, and one for "no click found".
use crate::parent::{Click, Judgement};

fn month_day(day: crate::calendar::Day) -> String {
    format!("{}月{}日", day.month(), day.day())
}

fn when(click: &Click) -> String {
    let t = click.clicked_at.tokyo();
    format!("{} {:02}:{:02}", month_day(t.date), t.hour, t.minute)
}

pub fn for_click(click: &Click) -> String {
    let shop = &click.shop;
    match click.status {
        Judgement::Pending => format!(
            "{shop}のご利用について、{}に当サイト経由のクリックが記録されております。\n現在は広告主による判定中で、判定予定日は{}です。判定が済みしだい通帳に記載されますので、恐れ入りますが今しばらくお待ちください。判定予定日を過ぎても記載されない場合は、お手数ですが本お問い合わせにご返信ください。",
            when(click),
            click.expected_on.map(month_day).unwrap_or_else(|| "未定".into())
        ),
        Judgement::Approved => format!(
            "{shop}のご利用について、{}のクリックに対する広告主の判定は「承認」となっており、{}が付与されております。お手数ですが通帳をご確認ください。",
            when(click),
            click.points.map(|p| format!("{p}ポイント")).unwrap_or_else(|| "ポイント".into())
        ),
        Judgement::Rejected => format!(
            "{shop}のご利用について、{}のクリックに対する広告主の判定は「否認」となっております。否認の詳しい理由は広告主の規定によりお伝えできかねますが、ご注文内容(注文番号・金額)を広告主へ再確認いたしますので、ご注文確認メールの内容をお知らせください。",
            when(click)
        ),
    }
}

pub fn no_click(shop: Option<&str>) -> String {
    let shop = shop.map(|s| format!("{s}への")).unwrap_or_default();
    format!(
        "ご申告のご利用日の前後に、当サイト経由での{shop}クリックの記録が確認できませんでした。ポイントの対象となるには、当サイトの広告からショップへ移動してご利用いただく必要がございます。別の端末やブラウザでご利用になった場合は、その旨とご注文確認メールの内容をお知らせください。"
    )
}
