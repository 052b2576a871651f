//! Errors, and what members-only pages tell visitors.
use crate::i18n::Text;

texts! {
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
}
