//! The parent-site panels and the wizard's judgement-date hint.
use crate::i18n::Text;

texts! {
    PARENT_PANEL_TITLE = "親サイトのクリック・判定" / "Parent site: clicks and judgements";
    PARENT_NOT_LINKED = "この会員は親サイトと連携していないため、クリック記録を照会できません。" / "This member is not linked to the parent site; there are no clicks to look up.";
    PARENT_NO_CLICKS = "この期間にクリックの記録はありません。" / "No clicks recorded in this window.";
    PARENT_TIMEOUT = "親サイトが時間内に応答しませんでした。" / "The parent site did not answer in time.";
    PARENT_FAILED = "親サイトに接続できないか、エラーが返りました。" / "The parent site could not be reached or answered with an error.";
    PARENT_INVALID = "親サイトの応答が取り決めの形式ではなかったため、表示しません。" / "The parent site's answer broke the contract and is not shown.";
    PARENT_PAUSED = "親サイトへの照会を一時停止しています(混雑または障害)。" / "Look-ups at the parent site are paused for now (busy or failing).";
    PARENT_DESK_GOES_ON = "お問い合わせへの対応はこのまま続けられます。" / "You can go on working on the inquiry.";
    PARENT_SUGGESTION = "回答案" / "Suggested answer";
    PARENT_USE_SUGGESTION = "回答案を返信欄に入れる" / "Put the suggestion in the reply";
    PARENT_HINT_BEFORE = "このご利用は現在、広告主による判定中です。判定予定日(" / "This purchase is still being judged by the advertiser. It is due to be decided on ";
    PARENT_HINT_AFTER = ")前のため、まだ通帳に記載されていません。判定予定日を過ぎても記載されない場合にお問い合わせください(このまま送信することもできます)。" / ", so it is not in your passbook yet. If it is still missing after that date, please contact us (you may still send this now).";
    PARENT_EVIDENCE_TITLE = "回答時に参照した親サイトのデータ" / "Parent-site data the replies were based on";
    MEMBER_PAGE_LINK = "会員ページを開く" / "Open the member page";
    PARENT_HINTS_TITLE = "判定予定日のお知らせ(お問い合わせフォーム)" / "Judgement-date hints (contact form)";
    PARENT_HINTS_SHOWN = "表示" / "Shown";
    PARENT_HINTS_DEFLECTED = "そのまま送信されなかった" / "Not followed by an inquiry";
}
