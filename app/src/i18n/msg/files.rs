//! Attachments.
use crate::i18n::Text;

texts! {
    ATTACH_BUTTON = "ファイルを添付" / "Attach files";
    ATTACH_HINT = "PNG・JPEG・WebP・GIF の画像か PDF を3件まで。スクリーンショットは貼り付けもできます。" / "Up to 3 PNG, JPEG, WebP or GIF images or PDF files. Screenshots can also be pasted.";
    ATTACH_UPLOADING = "アップロード中" / "Uploading";
    ATTACH_CHECKING = "確認しています…" / "Checking the file…";
    ATTACH_CANCEL = "中止" / "Cancel";
    ATTACH_REMOVE = "削除" / "Remove";
    ATTACHMENTS = "添付ファイル" / "Attachments";
    ATTACH_OPEN = "クリックで拡大" / "Click to enlarge";
    ATTACH_DOWNLOAD = "ダウンロード" / "Download";
    CHAT_ERR_FILE = "添付ファイルを送れませんでした(有効期限切れ、または合計サイズが大きすぎます)。もう一度添付してください。" / "The attachments could not be sent (expired, or too large together). Please attach them again.";
}
