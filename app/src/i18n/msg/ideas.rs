//! The idea lab.
use crate::i18n::Text;

texts! {
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
}
