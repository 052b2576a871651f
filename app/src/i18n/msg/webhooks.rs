//! The webhook delivery log.
use crate::i18n::Text;

texts! {
    WEBHOOKS_TITLE = "Webhook の配信記録" / "Webhook deliveries";
    WEBHOOKS_LINK = "Webhook" / "Webhooks";
    WEBHOOKS_RECEIVERS = "送信先" / "Receivers";
    WEBHOOKS_NONE = "設定されていません(MADOGUCHI_WEBHOOK_URLS)" / "None configured (MADOGUCHI_WEBHOOK_URLS)";
    WEBHOOKS_EVENT = "イベント" / "Event";
    WEBHOOKS_URL = "送信先 URL" / "URL";
    WEBHOOKS_ATTEMPTS = "試行回数" / "Attempts";
    WEBHOOKS_CREATED = "発生日時" / "Occurred";
    WEBHOOKS_PENDING = "送信待ち" / "Pending";
    WEBHOOKS_DELIVERED = "配信済み" / "Delivered";
    WEBHOOKS_FAILED = "配信失敗" / "Failed";
    WEBHOOKS_RESEND = "再送する" / "Send again";
    WEBHOOKS_OLDER = "さらに古い記録" / "Older";
}
