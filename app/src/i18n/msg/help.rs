//! The help center and its staff pages.
use crate::i18n::Text;

texts! {
    // Help center
    FAQ_TITLE = "よくある質問" / "Frequently asked questions";
    FAQ_SEARCH_LABEL = "キーワードで検索" / "Search by keyword";
    FAQ_SEARCH_BUTTON = "検索" / "Search";
    FAQ_SEARCH_HINT = "例: ポイント、退会、通帳、メール" / "e.g. points, passbook, email";
    FAQ_NO_RESULTS = "該当する質問が見つかりませんでした。別のキーワードでお試しいただくか、お問い合わせください。" / "No matching questions. Try other words, or contact us.";
    FAQ_RESULTS = "検索結果" / "Results";
    FAQ_UPDATED = "最終更新" / "Last updated";
    FAQ_HELPFUL_Q = "この回答は役に立ちましたか?" / "Was this answer helpful?";
    FAQ_YES = "はい" / "Yes";
    FAQ_NO = "いいえ" / "No";
    FAQ_THANKS = "ご回答ありがとうございました。" / "Thank you for your feedback.";
    FAQ_VOTE_LOGIN = "評価するにはログインしてください。" / "Log in to rate this answer.";
    FAQ_BACK = "よくある質問一覧へ" / "All questions";
    FAQ_STILL_NEED = "解決しない場合はお問い合わせください。" / "Still need help? Contact us.";
    SUGGEST_TITLE = "こちらで解決しませんか?" / "Could one of these answer your question?";
    SUGGEST_NEW_TAB = "新しいタブで開きます。入力中の内容は保存されています。" / "Opens in a new tab; what you typed is kept.";

    // Help center staff
    FAQ_ADMIN_TITLE = "よくある質問の管理" / "Manage the help center";
    FAQ_ADMIN_LINK = "よくある質問の管理" / "Help center";
    FAQ_NEW = "新しい記事" / "New article";
    FAQ_EDIT = "編集" / "Edit";
    FAQ_PUBLISHED = "公開中" / "Published";
    FAQ_DRAFT = "非公開" / "Unpublished";
    FAQ_PUBLISH = "公開する" / "Publish";
    FAQ_VIEWS = "閲覧数" / "Views";
    FAQ_HELPFUL_COUNTS = "役に立った / 立たなかった" / "Helpful / not";
    FAQ_DEFLECTIONS = "自己解決" / "Deflections";
    FAQ_MOVE_UP = "上へ" / "Up";
    FAQ_MOVE_DOWN = "下へ" / "Down";
    FAQ_TITLE_JA = "タイトル(日本語)" / "Title (Japanese)";
    FAQ_TITLE_EN = "タイトル(英語)" / "Title (English)";
    FAQ_BODY_JA = "本文(日本語・Markdown)" / "Body (Japanese, Markdown)";
    FAQ_BODY_EN = "本文(英語・Markdown)" / "Body (English, Markdown)";
    FAQ_PREVIEW = "プレビュー" / "Preview";
    SAVE = "保存する" / "Save";
}
