//! Live chat, the survey and insights.
use crate::i18n::Text;

texts! {
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
    CSV_EXPORT_INQUIRIES = "お問い合わせをCSVで書き出す" / "Export inquiries (CSV)";
    NO_DATA = "データがありません" / "No data";
    // Chat for a team
    CHAT_CANNED = "定型文" / "Canned replies";
    CHAT_CANNED_NONE = "一致する定型文はありません。" / "No canned reply matches.";
    CHAT_CANNED_HINT = "「/」に続けて入力すると定型文を検索できます" / "Type / and a word to search canned replies";
    CHAT_NOTES = "内部メモ（会員には表示されません）" / "Internal notes (not shown to the member)";
    CHAT_NOTE_ADD = "メモを追加" / "Add a note";
    CHAT_TRANSFER = "他のスタッフに引き継ぐ" / "Hand over to a colleague";
    CHAT_TRANSFER_TO = "引き継ぎ先" / "Hand over to";
    CHAT_TRANSFER_ROOM = "空き" / "free";
    CHAT_TRANSFER_NOBODY = "引き継げるスタッフ（対応可能で空きのある人）がいません。" / "No colleague is available with room for another chat.";
    CHAT_TRANSCRIPT_MAIL = "会話の記録をメールで受け取る" / "Mail me the transcript";
    CHAT_TRANSCRIPT_MAILED = "会話の記録をメールでお送りしました。" / "The transcript is on its way to your mail.";
    ERR_COLLEAGUE_UNAVAILABLE = "そのスタッフは今は引き継げません（対応不可か、空きがありません）。別のスタッフを選んでください。" / "That colleague cannot take it now (not available or no room). Choose someone else.";
    CSAT_BY_CHANNEL = "チャットとメールの比較" / "Chat and mail side by side";
    CHANNEL_CHAT = "チャット" / "Chat";
    CHANNEL_MAIL = "メール" / "Mail";
    REPLY_CLOSE = "この回答で対応完了にする（会員にアンケートをお送りします）" / "Close the inquiry with this reply (the member gets the survey)";
}
