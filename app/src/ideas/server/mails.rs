use crate::ideas::IdeaStatus;
use crate::mail::OutgoingMail;

pub fn decision_mail(
    to: &str,
    name: &str,
    title: &str,
    status: IdeaStatus,
    note: &str,
    public_url: &str,
) -> OutgoingMail {
    let (subject, lead) = match status {
        IdeaStatus::Adopted => {
            ("[Madoguchi] ご意見が採用されました", "ご意見ラボのご意見が採用されました。ご協力ありがとうございます。")
        }
        _ => (
            "[Madoguchi] ご意見の検討結果のお知らせ",
            "ご意見ラボのご意見について、検討の結果、今回は見送らせていただくことになりました。",
        ),
    };
    let body = format!(
        "{name} 様\n\n{lead}\n\n■ご意見\n{title}\n\n■スタッフより\n{note}\n\n\
         反映されたご意見: {public_url}/ideas\n\
         このお知らせが不要な場合は、ご意見ラボの「自分の投稿」から停止できます。\n\nMadoguchi サポートセンター\n"
    );
    OutgoingMail { to: to.into(), subject: subject.into(), body }
}
