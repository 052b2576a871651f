//! The texts members agree to before writing to the desk.
use crate::i18n::{use_i18n, Lang};
use leptos::prelude::*;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    move || {
        match i18n.get() {
        Lang::Ja => view! {
            <article class="card prose">
                <h1>"個人情報の取り扱いについて"</h1>
                <p>"Madoguchi(以下「当社」)は、お問い合わせいただいた内容とお客様の会員情報を、お問い合わせへの回答、ご本人確認、サービス改善のためにのみ利用します。"</p>
                <p>"法令に基づく場合を除き、ご本人の同意なく第三者に提供することはありません。ポイント付与の調査のため、ご利用の広告主にご利用日・注文番号などを照会する場合があります。"</p>
                <p>"お問い合わせの記録は回答後3年間保管し、その後消去します。開示・訂正・削除のご請求はお問い合わせフォームの「その他」からお申し出ください。"</p>
            </article>
        }
        .into_any(),
        Lang::En => view! {
            <article class="card prose">
                <h1>"Handling of personal information"</h1>
                <p>"Madoguchi uses what you send us and your member details only to answer your inquiry, to confirm your identity and to improve the service."</p>
                <p>"We do not pass them to third parties without your consent unless the law requires it. To investigate missing points we may ask the advertiser about your date of use and order number."</p>
                <p>"We keep inquiry records for three years after answering, then delete them. To request disclosure, correction or deletion, use the contact form's “Other” category."</p>
            </article>
        }
        .into_any(),
    }
    }
}

#[component]
pub fn TermsPage() -> impl IntoView {
    let i18n = use_i18n();
    move || {
        match i18n.get() {
        Lang::Ja => view! {
            <article class="card prose">
                <h1>"利用規約(サポート窓口)"</h1>
                <p>"お問い合わせは会員ご本人からのみ受け付けます。虚偽の内容や、他の会員・第三者の権利を侵害する内容はお送りいただけません。"</p>
                <p>"回答は、ご登録のメールアドレスと「お問い合わせ履歴」にお送りします。回答内容の転載はご遠慮ください。"</p>
                <p>"短時間に大量のお問い合わせがあった場合、受付を一時的に制限することがあります。"</p>
            </article>
        }
        .into_any(),
        Lang::En => view! {
            <article class="card prose">
                <h1>"Terms of use (support desk)"</h1>
                <p>"We accept inquiries only from the member themself. Do not send false content or content that infringes the rights of other members or third parties."</p>
                <p>"We reply to your registered email address and in “Your inquiries”. Please do not republish our replies."</p>
                <p>"If many inquiries arrive in a short time, we may limit sending for a while."</p>
            </article>
        }
        .into_any(),
    }
    }
}
