//! The desk's figures (`/admin/figures`).
use crate::i18n::Text;

texts! {
    FIGURES_TITLE = "窓口の数字" / "Desk figures";
    FIGURES_HELP = "時間は窓口の営業時間(平日11〜17時。土日祝・休業日を除く)で数えています。統合されたお問い合わせは統合先の1件として数えます。" / "Times count the desk's business hours only (weekdays 11:00–17:00, without weekends, holidays and closure days). A merged inquiry counts as the one it was merged into.";
    FIGURES_RECEIVED = "受付" / "Received";
    FIGURES_FIRST_RESPONSE = "初回回答まで" / "To first reply";
    FIGURES_RESOLUTION = "完了まで" / "To resolution";
    FIGURES_PROMISE = "1営業日以内の初回回答" / "First replies within 1 business day";
    FIGURES_REOPENED = "再開" / "Reopened";
    FIGURES_P50 = "中央値" / "Median";
    FIGURES_P90 = "90%" / "90th pct.";
    FIGURES_BY_CATEGORY = "カテゴリー別" / "By category";
    FIGURES_BY_AGENT = "担当者別(初回回答は回答した人、完了は担当者)" / "By agent (first reply by who gave it, resolution by assignee)";
    FIGURES_BY_WEEK = "受付週別" / "By week received";
    FIGURES_HEATMAP = "曜日・時間帯別の受付件数" / "Arrivals by weekday and hour";
    FIGURES_BACKLOG = "未完了件数(各日の終わり)" / "Open inquiries at the end of each day";
    FIGURES_INCIDENTS = "障害・一括対応(期間中に登録、または対応中)" / "Incidents (opened in the period, or still open)";
    FIGURES_LINKED = "紐付け" / "Linked";
    FIGURES_ANSWERED = "回答済み" / "Answered";
    FIGURES_WEEK_OF = "週" / "Week of";
    FIGURES_PERIOD_TOO_LONG = "期間は366日以内で指定してください。" / "Choose a period of at most 366 days.";
    FIGURES_NONE = "この期間のお問い合わせはありません。" / "No inquiries in this period.";
}
