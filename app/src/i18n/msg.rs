//! Every user-facing string. Grouped by feature; keep keys in SCREAMING_CASE.
use super::Text;

macro_rules! texts {
    ($($name:ident = $ja:literal / $en:literal;)*) => {
        $(pub const $name: Text = Text { ja: $ja, en: $en };)*
    };
}

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
    INBOX_EMPTY = "該当するお問い合わせはありません。" / "No inquiries match.";
    ASSIGN_ME = "自分に割り当てる" / "Assign to me";
    CHANGE_STATUS = "状態を変更" / "Change status";
    REPLY_TITLE = "回答する" / "Reply";
    REPLY_SEND = "回答を送信" / "Send reply";
    CANNED_INSERT = "定型文を挿入" / "Insert a canned reply";
    CANNED_SAVE = "定型文として保存" / "Save as canned reply";
    CANNED_TITLE = "定型文の名前" / "Canned reply name";
    NOTES_TITLE = "社内メモ(会員には表示されません)" / "Internal notes (never shown to the member)";
    NOTE_ADD = "メモを追加" / "Add note";
    MEMBER_HISTORY = "この会員の他のお問い合わせ" / "This member's other inquiries";
    UNASSIGNED = "未割り当て" / "Unassigned";
    SAVED = "保存しました。" / "Saved.";


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


    // Idea lab
    IDEAS_TITLE = "ご意見ラボ" / "Idea lab";
    IDEAS_ADOPTED_TITLE = "反映されたご意見" / "Ideas we adopted";
    IDEAS_ADOPTED_LEAD = "皆さまのご意見をもとに、こんな改善を行いました。" / "Here is what changed thanks to your ideas.";
    IDEAS_ADOPTED_EMPTY = "まだ反映されたご意見はありません。" / "No adopted ideas yet.";
    IDEAS_BOARD = "すべてのご意見" / "All ideas";
    IDEAS_POST = "ご意見を投稿する" / "Post an idea";
    IDEAS_MINE = "自分の投稿" / "My ideas";
    IDEA_TITLE = "タイトル" / "Title";
    IDEA_TITLE_HINT = "60文字以内で簡潔に" / "A few words, up to 60 characters";
    IDEA_BODY = "詳しい内容(任意)" / "Details (optional)";
    IDEA_SUBMIT = "投稿する" / "Post";
    IDEA_SIMILAR = "似ているご意見があります。同じ内容なら投票してください。" / "Similar ideas exist. If yours is the same, vote for it instead.";
    IDEA_POSTED = "投稿しました。" / "Your idea is posted.";
    IDEA_VOTES = "票" / "votes";
    IDEA_VOTE = "投票する" / "Vote";
    IDEA_UNVOTE = "投票を取り消す" / "Take back vote";
    IDEA_LOGIN_TO_VOTE = "投稿・投票にはログインが必要です。" / "Log in to post or vote.";
    IDEA_OPEN = "受付" / "Open";
    IDEA_REVIEW = "検討中" / "Under review";
    IDEA_ADOPTED = "採用" / "Adopted";
    IDEA_DECLINED = "見送り" / "Declined";
    IDEA_DUPLICATE = "重複" / "Duplicate";
    IDEA_WHAT_CHANGED = "変更内容" / "What changed";
    IDEA_STAFF_NOTE = "スタッフより" / "From the staff";
    IDEA_SEE_ORIGINAL = "同じ内容のご意見に統合しました:" / "Merged into the same idea:";
    IDEA_SORT = "並び順" / "Sort";
    IDEA_SORT_NEWEST = "新しい順" / "Newest";
    IDEA_SORT_VOTES = "投票数順" / "Most votes";
    IDEA_MAILS = "採用・見送りのお知らせメールを受け取る" / "Mail me when my ideas are adopted or declined";
    IDEAS_ADMIN_TITLE = "ご意見ラボの管理" / "Manage the idea lab";
    IDEAS_ADMIN_LINK = "ご意見ラボの管理" / "Idea lab";
    IDEA_NOTE = "メモ(採用・見送りは必須)" / "Note (required to adopt or decline)";
    IDEA_DUPLICATE_OF = "統合先のご意見ID" / "Original idea id";
    IDEA_APPLY = "更新する" / "Update";
    IDEA_HIDE = "非表示にする" / "Hide";
    IDEA_SHOW = "表示する" / "Show";
    IDEA_HIDDEN = "非表示" / "Hidden";


    // Live chat
    CHAT_TITLE = "チャットで相談する" / "Live chat";
    CHAT_HOURS = "チャットの受付時間は平日11:00〜19:00です(土日祝日・年末年始を除く)。" / "Live chat runs weekdays 11:00–19:00 JST (closed on weekends, public holidays and over New Year).";
    CHAT_CLOSED = "現在はチャットの受付時間外です。" / "Live chat is closed now.";
    CHAT_NEXT_OPEN = "次の受付開始" / "Opens next";
    CHAT_USE_FORM = "お問い合わせフォームはいつでもご利用いただけます。" / "The contact form is open any time.";
    CHAT_PC_ONLY = "チャットはパソコンからのみご利用いただけます。スマートフォン・タブレットの方はお問い合わせフォームをご利用ください。" / "Live chat is available from a PC only. On a phone or tablet, please use the contact form.";
    CHAT_NOTICES_TITLE = "ご利用の前に" / "Before you start";
    CHAT_NOTICE_1 = "チャットでは、サイトの使い方やポイント交換、キャンペーンについてのご質問にお答えします。" / "In chat we answer questions about using the site, exchanges and campaigns.";
    CHAT_NOTICE_2 = "ポイントの付与・通帳記載、登録情報の変更、個人情報に関するご相談は、ご本人確認が必要なためお問い合わせフォームで承ります。" / "Points not credited, changes to registered details and personal-data matters need identity checks, so they go through the contact form.";
    CHAT_TOPIC = "ご相談の内容" / "What is it about?";
    TOPIC_POINTS = "ポイントが付与されない・通帳に記載されない" / "Points not credited or not in the passbook";
    TOPIC_ACCOUNT = "登録情報(メールアドレス・パスワード・設定)の変更" / "Changing registered details (email, password, settings)";
    TOPIC_PERSONAL = "個人情報に関すること" / "Personal data";
    TOPIC_HOW_TO = "サイトの使い方" / "Using the site";
    TOPIC_EXCHANGE = "ポイント交換" / "Exchanging points";
    TOPIC_CAMPAIGN = "キャンペーン" / "Campaigns";
    TOPIC_OTHER = "その他" / "Other";
    CHAT_ROUTED = "このご相談はお問い合わせフォームで承ります。" / "We handle this through the contact form.";
    CHAT_TO_FORM = "お問い合わせフォームへ進む" / "Go to the contact form";
    CHAT_CONNECT = "チャットにつなぐ" / "Connect to chat";
    CHAT_WAITING = "順番にご案内しています。このままお待ちください。" / "We will be with you shortly. Please stay on this page.";
    CHAT_AHEAD = "あなたの前に" / "Ahead of you:";
    CHAT_PEOPLE = "人" / "people";
    CHAT_NEXT_UP = "次にご案内します。" / "You are next.";
    CHAT_ESTIMATE = "待ち時間の目安" / "Estimated wait";
    CHAT_MINUTES = "分" / "min";
    CHAT_LEAVE = "待つのをやめる" / "Leave the queue";
    CHAT_LEFT = "チャットの待機をやめました。" / "You left the queue.";
    CHAT_WITH = "担当" / "With";
    CHAT_TYPING = "入力中…" / "typing…";
    CHAT_MESSAGE = "メッセージ" / "Message";
    CHAT_SEND = "送信" / "Send";
    CHAT_END = "チャットを終了する" / "End chat";
    CHAT_ENDED = "チャットは終了しました。ご利用ありがとうございました。" / "The chat has ended. Thank you.";
    CHAT_RECONNECTING = "接続が切れました。再接続しています…" / "Connection lost. Reconnecting…";
    CHAT_SENDING = "送信中" / "sending";
    STAFF_CHAT_TITLE = "チャット対応" / "Chat console";
    STAFF_CHAT_LINK = "チャット対応" / "Chat console";
    STAFF_AVAILABLE = "対応可能" / "Available";
    STAFF_CAPACITY = "同時対応数" / "Concurrent chats";
    STAFF_QUEUE = "待機中の会員" / "Waiting members";
    STAFF_TAKE_NEXT = "次の方を対応する" / "Take next";
    STAFF_NO_QUEUE = "待機中の会員はいません。" / "Nobody is waiting.";
    STAFF_WAITED = "待ち時間" / "Waiting";
    STAFF_CHATS = "対応中のチャット" / "Your chats";
    STAFF_UNREAD = "未読" / "unread";
    STAFF_CONTEXT = "最近のお問い合わせ" / "Recent inquiries";
    ERR_LINE_BUSY = "回線が混み合っております。しばらくお待ちください" / "All lines are busy. Please try again in a little while.";
    ERR_CLOSED = "現在は受付時間外です。" / "We are closed now.";
    ERR_SURVEY_CLOSED = "このアンケートは、コメント送信済みまたは回答期間(チャット終了から7日間)を過ぎたため、回答・変更できません。" / "This survey can no longer be answered or changed: a comment was already sent, or the 7 days after the chat have passed.";
    STAFF_WAITING_MIN = "分待ち" / "min waiting";
    ERR_PC_ONLY = "チャットはパソコンからのみご利用いただけます。" / "Live chat is available from a PC only.";


    // Survey
    SURVEY_TITLE = "アンケートにご協力ください" / "Tell us how it went";
    SURVEY_SCORE = "今回のチャットの満足度" / "How satisfied are you with this chat?";
    SURVEY_1 = "1 とても不満" / "1 Very dissatisfied";
    SURVEY_2 = "2 不満" / "2 Dissatisfied";
    SURVEY_3 = "3 ふつう" / "3 Neutral";
    SURVEY_4 = "4 満足" / "4 Satisfied";
    SURVEY_5 = "5 とても満足" / "5 Very satisfied";
    SURVEY_RESOLVED = "ご質問は解決しましたか?" / "Was your question resolved?";
    SURVEY_COMMENT = "ご意見・ご感想(任意・500文字以内)" / "Comments (optional, up to 500 characters)";
    SURVEY_COMMENT_FINAL = "コメントを送信すると、回答は変更できなくなります。" / "After you send a comment, the answer can no longer be changed.";
    SURVEY_SEND = "回答する" / "Send";
    SURVEY_SKIP = "回答しない" / "Skip";
    SURVEY_THANKS = "ご回答ありがとうございました。" / "Thank you for your answer.";
    SURVEY_CLOSED = "このチャットのアンケートは回答を締め切りました。" / "This chat's survey is closed.";
    SURVEY_CHANGE = "回答を変更する" / "Change answer";
    SURVEY_LINK = "アンケートに回答する" / "Answer the survey";
    CHAT_HISTORY = "チャット履歴" / "Past chats";


    // Insights
    INSIGHTS_TITLE = "サポート状況" / "Support insights";
    INSIGHTS_LINK = "サポート状況" / "Insights";
    PERIOD_FROM = "開始日" / "From";
    PERIOD_TO = "終了日" / "To";
    SHOW = "表示" / "Show";
    CSAT = "満足度(4〜5の割合)" / "CSAT (share of 4–5)";
    AVERAGE_SCORE = "平均スコア" / "Average score";
    RESPONSE_RATE = "回答率" / "Response rate";
    ANSWERS = "回答数" / "Answers";
    PER_STAFF = "スタッフ別" / "By staff member";
    WEEKLY_TREND = "週ごとの満足度" / "CSAT by week";
    COMMENTS = "コメント(新しい順)" / "Comments, newest first";
    TRANSCRIPT = "会話記録" / "Transcript";
    CHAT_OPS = "チャットの運用" / "Chat operations";
    CHATS = "対応数" / "Chats";
    CHATS_PER_DAY = "1日あたりの対応数" / "Chats per day";
    AVG_WAIT = "平均待ち時間" / "Average wait";
    P90_WAIT = "待ち時間(90パーセンタイル)" / "90th percentile wait";
    AVG_HANDLE = "平均対応時間" / "Average handle time";
    LEFT_QUEUE = "待機をやめた割合" / "Left the queue";
    LINE_BUSY = "「回線混雑」で受付できなかった割合" / "Turned away as line busy";
    MAIL_OPS = "メール窓口" / "Mail desk";
    IN_TIME = "1営業日以内に回答した割合" / "Answered within one business day";
    OVERDUE_NOW = "現在の期限超過" / "Overdue now";
    SECONDS = "秒" / "s";
    CSV_EXPORT = "アンケート回答をCSVで書き出す" / "Export survey answers (CSV)";
    NO_DATA = "データがありません" / "No data";

    // Errors
    ERR_VALIDATION = "入力内容をご確認ください。" / "Please check the highlighted fields.";
    ERR_LOGIN_REQUIRED = "ログインが必要です。" / "Please log in first.";
    CONTACT_LOGIN_REASON = "お問い合わせフォームは会員の方がご利用いただけます。ログインまたは会員登録のうえお進みください。" / "The contact form is for members. Log in or sign up to continue.";
    CHAT_LOGIN_REASON = "チャットは会員の方がご利用いただけます。ログインまたは会員登録のうえお進みください。" / "Live chat is for members. Log in or sign up to continue.";
    ERR_FORBIDDEN = "この操作を行う権限がありません。" / "You are not allowed to do this.";
    ERR_NOT_FOUND = "見つかりませんでした。" / "Not found.";
    ERR_INVALID_CREDENTIALS = "メールアドレスまたはパスワードが正しくありません。" / "Wrong email address or password.";
    ERR_INTERNAL = "システムエラーが発生しました。時間をおいて再度お試しください。" / "Something went wrong on our side. Please try again later.";
    CHAT_ERR_NOT_ACTIVE = "チャットが開始されていないため、メッセージを送信できません。" / "The chat is not active, so the message was not sent.";
    CHAT_ERR_INVALID = "メッセージが空か長すぎるか、使用できない文字が含まれています。" / "The message is empty, too long, or contains characters that are not allowed.";
    CHAT_ERR_TOO_FAST = "短時間に送信が集中したため、接続を切断しました。ページを再読み込みしてください。" / "Too many messages in a short time; the connection was closed. Please reload the page.";
    CHAT_ERR_MALFORMED = "通信内容に問題があったため、接続を切断しました。ページを再読み込みしてください。" / "The connection sent data we could not read and was closed. Please reload the page.";
    CHAT_ERR_TOO_MANY = "このチャットを開いている画面が多すぎます。ほかのタブを閉じてください。" / "This chat is open in too many windows. Please close the other tabs.";
    ERR_BAD_REQUEST = "リクエストの形式が正しくありません。ページを再読み込みしてお試しください。" / "The request could not be read. Please reload the page and try again.";
    ERR_UNVERIFIED = "メールアドレスの確認が済んでいません。登録時にお送りしたメールのリンクを開いてください。" / "Your email address is not confirmed yet. Please open the link in the mail we sent when you signed up.";
    ERR_CODE_REQUIRED = "2段階認証の確認コードを入力してください。" / "Please enter your two-factor code.";
    ERR_INVALID_CODE = "確認コードが正しくないか、すでに使用されています。" / "The code is wrong or was already used.";
    ERR_TWO_FACTOR_SETUP = "スタッフ機能を使う前に、2段階認証を設定してください。" / "Please set up two-factor authentication before using staff functions.";
    ERR_SSO_REFUSED = "ログイン連携に失敗しました。お手数ですが、元のサイトからもう一度お試しください。" / "The sign-in hand-off failed. Please try again from the site you came from.";
    ERR_INVALID_LINK = "このリンクは無効か、有効期限が切れているか、すでに使用されています。" / "This link is invalid, has expired, or was already used.";
    VERIFY_SENT_TITLE = "確認メールを送信しました" / "Check your mail";
    VERIFY_SENT_BODY = "に確認メールを送信しました。メールのリンクを開くと登録が完了します(24時間有効)。届かない場合は迷惑メールフォルダもご確認ください。" / ": we sent a mail to this address. Open its link within 24 hours to finish signing up. If it does not arrive, check your spam folder.";
    VERIFY_TITLE = "メールアドレスの確認" / "Confirming your email address";
    VERIFY_DONE = "メールアドレスを確認しました。" / "Your email address is confirmed.";
    VERIFY_PENDING = "メールアドレスの確認が済むまで、お問い合わせ・チャット・投稿はご利用いただけません。" / "Until your email address is confirmed, you cannot send inquiries, chat or post.";
    VERIFY_RESEND = "確認メールを再送" / "Send the mail again";
    VERIFY_RESENT = "確認メールを再送しました。" / "We sent the mail again.";
    FAILED_MAIL_TITLE = "送信できなかったメール" / "Mails that could not be sent";
    FAILED_MAIL_NONE = "ありません。" / "None.";
    FAILED_MAIL_RETRY = "再送する" / "Send again";
    TWO_FACTOR_CODE = "確認コード" / "Verification code";
    TWO_FACTOR_CODE_HINT = "認証アプリの6桁の数字、またはバックアップコード" / "The 6 digits from your authenticator app, or a backup code";
    TWO_FACTOR_TITLE = "2段階認証" / "Two-factor authentication";
    TWO_FACTOR_ON = "2段階認証は有効です。" / "Two-factor authentication is on.";
    TWO_FACTOR_CODES_LEFT = "未使用のバックアップコード" / "Unused backup codes";
    TWO_FACTOR_SCAN = "認証アプリ(Google Authenticator、Microsoft Authenticator など)でQRコードを読み取るか、下のキーを入力してください。" / "Scan the QR code with an authenticator app (Google Authenticator, Microsoft Authenticator…) or type the key below.";
    TWO_FACTOR_ENTER = "アプリに表示された6桁の数字を入力して、設定を完了してください。" / "Enter the 6 digits the app shows to finish.";
    TWO_FACTOR_QR = "認証アプリ用のQRコード" / "QR code for the authenticator app";
    TWO_FACTOR_SECRET = "セットアップキー" / "Setup key";
    TWO_FACTOR_CONFIRM = "確認して有効にする" / "Confirm and turn on";
    TWO_FACTOR_BACKUP_LEAD = "バックアップコードです。スマートフォンが使えないときに1回ずつ使えます。この画面でしか表示されませんので、安全な場所に保管してください。" / "These are your backup codes. Each works once, when your phone is not at hand. They are shown only now: keep them somewhere safe.";
    TWO_FACTOR_CONTINUE = "スタッフ画面へ進む" / "Go to the staff pages";
    SSO_MOVING = "ポイントサイトのログイン画面へ移動しています…" / "Taking you to the points site's login…";
    SIGNUP_ELSEWHERE = "会員登録はポイントサイトで行ってください。ポイントサイトの会員の方は、そのままログインしてご利用いただけます。" / "Please sign up on the points site. Its members can log in here with that account.";
    EXPORT_TITLE = "データのダウンロード" / "Download your data";
    EXPORT_HELP = "登録情報、お問い合わせと回答、チャット、ご意見、アンケートの回答をJSON形式でダウンロードできます。" / "Your profile, inquiries with replies, chats, ideas and survey answers, as a JSON file.";
    EXPORT_DOWNLOAD = "ダウンロード(JSON)" / "Download (JSON)";
    WITHDRAW_TITLE = "退会" / "Close your account";
    WITHDRAW_HELP = "退会すると、メールアドレス・表示名・お問い合わせやチャットでお書きいただいた内容が削除され、元に戻せません。統計のための件数は個人が分からない形で残ります。" / "Closing your account erases your email address, display name and everything you wrote in inquiries and chats; this cannot be undone. Counts kept for statistics no longer identify you.";
    WITHDRAW_UNDERSTOOD = "元に戻せないことを理解しました" / "I understand this cannot be undone";
    WITHDRAW_BUTTON = "退会する" / "Close my account";
    WITHDRAW_DONE = "退会手続きが完了しました。確認のメールをお送りしました。ご利用ありがとうございました。" / "Your account is closed. We sent a confirmation mail. Thank you for using Madoguchi.";
    STAFF_WITHDRAW_TITLE = "会員の退会手続き(ご本人の依頼による)" / "Close a member's account (on their request)";
    STAFF_WITHDRAW_HELP = "ご本人から退会の依頼を受けたときに使います。個人情報は削除され、元に戻せません。操作した担当者が記録されます。" / "For members who ask us to close their account. Their personal data is erased for good; your name is recorded.";
    STAFF_WITHDRAW_CONFIRM = "この会員を退会させます。元に戻せません。よろしいですか?" / "Close this member's account? This cannot be undone.";
    STAFF_WITHDRAW_DONE = "退会手続きが完了しました。" / "The account is closed.";
    WITHDRAW_BUTTON_STAFF = "退会させる" / "Close the account";
    CARRIER_NOTICE_1 = "携帯電話会社のメールアドレス(docomo・au・SoftBank・Y!mobile など)は、パソコンからのメールが届かないことがあります。受信設定(迷惑メール設定)で、ドメイン" / "Mobile carrier addresses (docomo, au, SoftBank, Y!mobile…) often refuse mail sent from PCs. In your carrier's mail filter settings, allow mail from the domain";
    CARRIER_NOTICE_2 = "からのメールを受信できるように設定してください。" / "so our mails reach you.";
    MAIL_SETTINGS_TITLE = "メールの設定" / "Mail settings";
    MAIL_LANG = "メールの言語" / "Language of our mails";
    MAIL_IDEAS = "ご意見(投稿・投票したもの)が採用・見送りになったときにメールで知らせる" / "Mail me when an idea I posted or voted for is adopted or declined";
    EMAIL_CHANGE_TITLE = "メールアドレスの変更" / "Change your email address";
    EMAIL_CURRENT = "現在のメールアドレス" / "Current address";
    EMAIL_NEW = "新しいメールアドレス" / "New email address";
    EMAIL_CHANGE_SEND = "確認メールを送信" / "Send the confirmation link";
    EMAIL_CHANGE_SENT = "新しいアドレスに確認のリンクをお送りしました。リンクを開くと変更が完了します(24時間有効)。" / "We mailed a link to the new address. Opening it completes the change (valid for 24 hours).";
    EMAIL_CHANGE_DONE = "メールアドレスを変更しました。" / "Your email address was changed.";
    UNREAD_REPLY = "新しい回答" / "New reply";
    FORGOT_PASSWORD = "パスワードをお忘れの方" / "Forgot your password?";
    RESET_TITLE = "パスワードの再設定" / "Reset your password";
    RESET_LEAD = "ご登録のメールアドレスに、パスワード再設定用のリンクをお送りします。" / "We will mail a link for choosing a new password to your registered address.";
    RESET_SEND = "再設定メールを送信" / "Send the link";
    RESET_SENT = "ご登録があれば、再設定用のリンクをお送りしました(30分間有効)。メールをご確認ください。" / "If an account exists for this address, we mailed a link (valid for 30 minutes). Please check your mail.";
    RESET_NEW_PASSWORD = "新しいパスワード" / "New password";
    RESET_SAVE = "パスワードを変更" / "Change the password";
    ACCOUNT_TITLE = "アカウント設定" / "Account settings";
    ACCOUNT_LINK = "アカウント" / "Account";
    PASSWORD_CHANGE_TITLE = "パスワードの変更" / "Change your password";
    PASSWORD_CHANGE_HELP = "変更すると、この端末以外のログインはすべて終了します。" / "Changing it logs out every other device.";
    PASSWORD_CURRENT = "現在のパスワード" / "Current password";
    PASSWORD_CHANGED = "パスワードを変更しました。ほかの端末のログインは終了しました。" / "Your password was changed; other devices were logged out.";
    SESSIONS_TITLE = "ログイン中の端末" / "Where you are logged in";
    SESSIONS_THIS = "この端末" / "This device";
    SESSIONS_END = "ログアウトさせる" / "Log out";
    SESSIONS_END_OTHERS = "この端末以外をすべてログアウト" / "Log out every other device";
    ERR_BUSY = "ただいま混み合っています。少し時間をおいて再度お試しください。" / "We are busy right now. Please try again in a moment.";
    ERR_TRANSPORT = "通信エラーが発生しました。接続を確認して再度お試しください。" / "Could not reach the server. Check your connection and try again.";
}
