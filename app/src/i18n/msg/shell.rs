//! The shell, the corner, sign-in and the staff dashboard.
use crate::i18n::Text;

texts! {
    // Shell
    SITE_NAME = "Madoguchi サポートセンター" / "Madoguchi Support Center";
    SKIP_TO_CONTENT = "本文へスキップ" / "Skip to content";
    NAV_MAIN = "メインメニュー" / "Main menu";
    LANG_SWITCH = "English" / "日本語";
    LANG_SWITCH_LABEL = "Switch to English" / "日本語に切り替える";
    LOADING = "読み込み中…" / "Loading…";
    FOOTER_NAV = "サイト情報" / "About this site";
    FOOTER = "© Madoguchi — 会員サポートセンター" / "© Madoguchi — member support center";
    NOT_FOUND_TITLE = "ページが見つかりません" / "Page not found";
    BACK_HOME = "トップへ戻る" / "Back to the top page";

    // Corner
    CORNER_TITLE = "カスタマーサービスコーナー" / "Customer service corner";
    CORNER_LEAD = "お困りごとはこちらからどうぞ。" / "How can we help you?";
    CORNER_CONTACT = "お問い合わせ" / "Contact us";
    CORNER_CONTACT_DESC = "フォームからお問い合わせいただけます。平日11:00〜17:00に順次回答します。" / "Send us a message. We answer on weekdays, 11:00–17:00 JST.";
    CORNER_CHAT = "チャットを利用する" / "Use live chat";
    CORNER_CHAT_DESC = "平日11:00〜19:00、スタッフとチャットでお話しできます(PCのみ)。" / "Chat with our staff on weekdays, 11:00–19:00 JST (PC only).";
    CORNER_IDEAS = "ご意見ラボ" / "Idea lab";
    CORNER_IDEAS_DESC = "サービスへのご提案と、反映されたご意見をご覧いただけます。" / "Suggest improvements and see the ideas we adopted.";
    CORNER_FAQ = "よくある質問" / "FAQ";
    CORNER_FAQ_DESC = "よくあるご質問と回答を検索できます。" / "Search answers to common questions.";

    // Auth
    LOGIN = "ログイン" / "Log in";
    LOGOUT = "ログアウト" / "Log out";
    REGISTER = "会員登録" / "Sign up";
    EMAIL = "メールアドレス" / "Email address";
    PASSWORD = "パスワード" / "Password";
    PASSWORD_HINT = "8〜128文字" / "8–128 characters";
    DISPLAY_NAME = "表示名" / "Display name";
    DISPLAY_NAME_HINT = "30文字以内" / "Up to 30 characters";
    LOGIN_TITLE = "ログイン" / "Log in";
    REGISTER_TITLE = "会員登録" / "Create your account";
    NO_ACCOUNT = "アカウントをお持ちでない方" / "No account yet?";
    HAVE_ACCOUNT = "すでに登録済みの方" / "Already registered?";
    LOGGED_IN_AS = "ログイン中:" / "Logged in as";
    STAFF_BADGE = "スタッフ" / "Staff";
    SUBMITTING = "送信中…" / "Sending…";

    // Admin
    ADMIN = "管理画面" / "Admin";
    ADMIN_TITLE = "スタッフ管理画面" / "Staff admin";
    ADMIN_REFUSED = "このページはスタッフ専用です。" / "This page is for staff only.";
    ADMIN_MEMBERS = "会員数" / "Members";
    ADMIN_STAFF = "スタッフ数" / "Staff";
    ADMIN_NOW = "現在時刻(日本時間)" / "Now (Tokyo)";
    ADMIN_MAIL_DESK = "メール窓口" / "Mail desk";
    ADMIN_CHAT_DESK = "チャット" / "Live chat";
    OPEN_NOW = "受付中" / "Open";
    CLOSED_NOW = "受付時間外" / "Closed";
    NEXT_OPENING = "次の受付開始" / "Next opening";
    CLOSURES_TITLE = "臨時休業日" / "Closure days";
    CLOSURES_HELP = "祝日と年末年始(12/29〜1/3)は自動で休業になります。それ以外の休業日をここで追加します。" / "Public holidays and the year-end break (12/29–1/3) are closed automatically. Add other closure days here.";
    CLOSURE_DATE = "日付" / "Date";
    CLOSURE_NOTE = "メモ" / "Note";
    ADD = "追加" / "Add";
    REMOVE = "削除" / "Remove";
    NONE_YET = "まだありません。" / "None yet.";
    // Live conditions (corner, contact and chat entry pages)
    LIVE_CHAT_OPEN = "チャット受付中" / "Chat open";
    LIVE_CHAT_CLOSED = "チャット受付時間外" / "Chat closed";
    LIVE_WAITING = " 人待ち" / " waiting";
    LIVE_ESTIMATE = "目安 約" / "about ";
    LIVE_STAFF = "対応スタッフ " / "staff available: ";
    LIVE_LINE_BUSY = "ただいま大変混み合っています。時間をおいてお試しいただくか、お問い合わせフォームをご利用ください。" / "The line is busy. Please try again later or use the contact form.";
    LIVE_DESK_OPEN = "メール窓口 受付中" / "Mail desk open";
    LIVE_DESK_CLOSED = "メール窓口 営業時間外（送信は受け付けます）" / "Mail desk closed (you can still send)";
    LIVE_REPLY_BY = "今送信すると回答予定" / "reply by";
    LIVE_CONFIRM_REPLY_BY = "今送信すると、次の日時までに回答します:" / "Sent now, you will have an answer by";
}
