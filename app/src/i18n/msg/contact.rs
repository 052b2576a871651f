//! The contact wizard, the member's history and the staff inbox.
use crate::i18n::Text;

texts! {
    // Contact wizard
    CONTACT_TITLE = "お問い合わせ" / "Contact us";
    CONTACT_DESK_HOURS = "メール窓口の受付時間は平日11:00〜17:00です(土日祝日・年末年始を除く)。1営業日以内にご回答します。" / "The mail desk works weekdays 11:00–17:00 JST (closed on weekends, public holidays and over New Year). We answer within one business day.";
    STEP_CATEGORY = "カテゴリ選択" / "Category";
    STEP_NOTICES = "注意事項" / "Notices";
    STEP_FIELDS = "内容入力" / "Details";
    STEP_CONFIRM = "確認" / "Confirm";
    STEP_DONE = "完了" / "Done";
    STEPS_LABEL = "お問い合わせの手順" / "Steps";
    CHOOSE_CATEGORY = "お問い合わせのカテゴリを選択してください" / "Choose what your question is about";
    NEXT = "次へ" / "Next";
    BACK = "戻る" / "Back";
    NOTICES_TITLE = "お問い合わせの前にご確認ください" / "Before you write to us";
    AGREE_PRIVACY = "「個人情報の取り扱いについて」に同意する" / "I agree to the handling of personal information";
    AGREE_TERMS = "「利用規約」に同意する" / "I agree to the terms of use";
    PRIVACY_LINK = "個人情報の取り扱いについて" / "Handling of personal information";
    TERMS_LINK = "利用規約" / "Terms of use";
    OPENS_NEW_TAB = "(新しいタブで開きます)" / "(opens in a new tab)";
    TO_FORM = "お問い合わせフォームへ" / "Continue to the form";
    REQUIRED = "必須" / "Required";
    OPTIONAL = "任意" / "Optional";
    SELECT_PLACEHOLDER = "選択してください" / "Please choose";
    TO_CONFIRM = "確認画面へ" / "Review";
    CONFIRM_TITLE = "入力内容の確認" / "Check your inquiry";
    CONFIRM_LEAD = "以下の内容で送信します。修正する場合は「戻る」を押してください。" / "This is what we will receive. Use Back to change anything.";
    CATEGORY = "カテゴリ" / "Category";
    SEND = "送信する" / "Send";
    DONE_TITLE = "お問い合わせを受け付けました" / "We have received your inquiry";
    DONE_REFERENCE = "受付番号" / "Reference";
    DONE_DUE = "回答予定日時" / "We will reply by";
    DONE_MAIL = "ご登録のメールアドレスに受付完了メールをお送りしました。" / "We have sent an acknowledgment to your registered email address.";
    TO_HISTORY = "お問い合わせ履歴を見る" / "See your inquiries";
    NEW_INQUIRY = "新しいお問い合わせ" / "New inquiry";
    DRAFT_RESTORED = "前回入力途中の内容を復元しました。" / "We restored what you were typing last time.";

    // History
    HISTORY_TITLE = "お問い合わせ履歴" / "Your inquiries";
    HISTORY_EMPTY = "お問い合わせはまだありません。" / "You have not sent any inquiries yet.";
    RECEIVED_AT = "受付日時" / "Received";
    DUE_AT = "回答予定" / "Reply by";
    STATUS = "状態" / "Status";
    STATUS_NEW = "受付済み" / "Received";
    STATUS_IN_PROGRESS = "対応中" / "In progress";
    STATUS_ANSWERED = "回答済み" / "Answered";
    STATUS_CLOSED = "完了" / "Closed";
    INQUIRY_CONTENT = "お問い合わせ内容" / "Your inquiry";
    THREAD_TITLE = "やりとり" / "Messages";
    THREAD_EMPTY = "まだ回答はありません。" / "No replies yet.";
    FROM_STAFF = "サポートセンター" / "Support center";
    FROM_YOU = "あなた" / "You";
    FOLLOW_UP = "追加で質問する" / "Add a message";
    FOLLOW_UP_SEND = "送信する" / "Send";
    MESSAGE_BODY = "メッセージ" / "Message";
    CLOSED_NO_MORE = "このお問い合わせは完了しています。新しいお問い合わせをお送りください。" / "This inquiry is closed. Please send a new one.";

    // Staff inbox
    INBOX_TITLE = "お問い合わせ受信箱" / "Inquiry inbox";
    INBOX_LINK = "お問い合わせ受信箱" / "Inquiry inbox";
    FILTER_STATUS = "状態" / "Status";
    FILTER_CATEGORY = "カテゴリ" / "Category";
    FILTER_ASSIGNEE = "担当者" / "Assignee";
    FILTER_ANY = "すべて" / "All";
    FILTER_ME = "自分" / "Me";
    FILTER_UNASSIGNED = "未割り当て" / "Unassigned";
    FILTER_OVERDUE = "期限超過のみ" / "Overdue only";
    MEMBER = "会員" / "Member";
    ASSIGNEE = "担当" / "Assignee";
    OVERDUE = "期限超過" / "Overdue";
    DUE_IN = "営業時間であと" / "Business time left";
    INBOX_EMPTY = "該当するお問い合わせはありません。" / "No inquiries match.";
    INBOX_MORE = "次の100件" / "Next 100";
    INBOX_FIRST = "最初から" / "From the top";
    ASSIGN_ME = "自分に割り当てる" / "Assign to me";
    CHANGE_STATUS = "状態を変更" / "Change status";
    RECATEGORIZE = "カテゴリを変更" / "Change category";
    REPLY_TITLE = "回答する" / "Reply";
    REPLY_SEND = "回答を送信" / "Send reply";
    CANNED_INSERT = "定型文を挿入" / "Insert a canned reply";
    CANNED_SAVE = "定型文として保存" / "Save as canned reply";
    CANNED_CHOSEN = "選んだ定型文" / "Chosen canned reply";
    CANNED_FOR_CATEGORY = "このカテゴリーのお問い合わせだけに出す" / "Offer only on this category's inquiries";
    CANNED_OVERWRITE = "この返信の内容で上書き" / "Overwrite with this reply";
    CANNED_DELETE = "定型文を削除" / "Delete canned reply";
    CANNED_DELETE_ASK = "この定型文を削除しますか？" / "Delete this canned reply?";
    CANNED_TITLE = "定型文の名前" / "Canned reply name";
    NOTES_TITLE = "社内メモ(会員には表示されません)" / "Internal notes (never shown to the member)";
    NOTE_ADD = "メモを追加" / "Add note";
    MEMBER_HISTORY = "この会員の他のお問い合わせ" / "This member's other inquiries";
    UNASSIGNED = "未割り当て" / "Unassigned";
    SAVED = "保存しました。" / "Saved.";
}
