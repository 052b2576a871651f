//! Every rate limit in one place: what it guards and how much of it is allowed. The numbers are
//! settings (`[limits]` in the TOML file, or `MADOGUCHI_LIMIT_<NAME>=max/window_secs`).
use serde::Deserialize;

/// `max` actions within a window of `window_secs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct RateLimit {
    pub max: i64,
    pub window_secs: i64,
}

impl RateLimit {
    pub const fn new(max: i64, window_secs: i64) -> Self {
        RateLimit { max, window_secs }
    }

    /// `"5/300"` → 5 per 300 seconds.
    pub fn parse(raw: &str) -> Option<Self> {
        let (max, window) = raw.split_once('/')?;
        let limit = RateLimit::new(max.trim().parse().ok()?, window.trim().parse().ok()?);
        (limit.max > 0 && limit.window_secs > 0).then_some(limit)
    }
}

/// What a limit guards. The variant names the counter, so two actions never share one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Login attempts for one account from one client address: the owner's own retries.
    LoginAccountAddress,
    /// Login attempts from one address, whatever the account (credential stuffing).
    LoginAddress,
    /// Login attempts on one account from everywhere: a high ceiling, never a quick lock, so a
    /// stranger cannot lock the owner out (see `login_exempt_networks`).
    LoginAccount,
    /// Sign-up attempts from one address (attempts, not successes).
    Register,
    /// Account mails (verification links, "someone tried to register") to one email address.
    AccountMail,
    /// Password-reset requests from one address.
    PasswordReset,
    ContactSubmit,
    FollowUp,
    IdeaPost,
    IdeaVote,
    FaqVote,
    SuggestionClick,
    ArticleView,
    ChatJoin,
    SurveyAnswer,
    /// Anonymous look-ups (help search, suggestions, similar ideas) per address.
    Lookup,
    /// Two-factor codes tried for one account (a 6-digit code is a small space: 5 tries per
    /// 5 minutes leaves a guesser about one chance in 100,000 a day).
    SecondFactor,
    /// Sign-in hand-offs from the parent site, per client address.
    Sso,
    /// File uploads per account per day (attachments).
    FileUpload,
    /// Judgement-date hints in the contact wizard per member (each may ask the parent site).
    ParentHint,
}

impl Action {
    pub const ALL: [Action; 20] = [
        Action::LoginAccountAddress,
        Action::LoginAddress,
        Action::LoginAccount,
        Action::Register,
        Action::AccountMail,
        Action::PasswordReset,
        Action::ContactSubmit,
        Action::FollowUp,
        Action::IdeaPost,
        Action::IdeaVote,
        Action::FaqVote,
        Action::SuggestionClick,
        Action::ArticleView,
        Action::ChatJoin,
        Action::SurveyAnswer,
        Action::Lookup,
        Action::SecondFactor,
        Action::Sso,
        Action::FileUpload,
        Action::ParentHint,
    ];

    /// The counter's prefix and the setting's name (`MADOGUCHI_LIMIT_` + upper case).
    pub fn name(self) -> &'static str {
        match self {
            Action::LoginAccountAddress => "login_account_address",
            Action::LoginAddress => "login_address",
            Action::LoginAccount => "login_account",
            Action::Register => "register",
            Action::AccountMail => "account_mail",
            Action::PasswordReset => "password_reset",
            Action::ContactSubmit => "contact_submit",
            Action::FollowUp => "follow_up",
            Action::IdeaPost => "idea_post",
            Action::IdeaVote => "idea_vote",
            Action::FaqVote => "faq_vote",
            Action::SuggestionClick => "suggestion_click",
            Action::ArticleView => "article_view",
            Action::ChatJoin => "chat_join",
            Action::SurveyAnswer => "survey_answer",
            Action::Lookup => "lookup",
            Action::SecondFactor => "second_factor",
            Action::Sso => "sso",
            Action::FileUpload => "file_upload",
            Action::ParentHint => "parent_hint",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Limits {
    pub login_account_address: RateLimit,
    pub login_address: RateLimit,
    pub login_account: RateLimit,
    pub register: RateLimit,
    pub account_mail: RateLimit,
    pub password_reset: RateLimit,
    pub contact_submit: RateLimit,
    pub follow_up: RateLimit,
    pub idea_post: RateLimit,
    pub idea_vote: RateLimit,
    pub faq_vote: RateLimit,
    pub suggestion_click: RateLimit,
    pub article_view: RateLimit,
    pub chat_join: RateLimit,
    pub survey_answer: RateLimit,
    pub lookup: RateLimit,
    pub second_factor: RateLimit,
    pub sso: RateLimit,
    pub file_upload: RateLimit,
    pub parent_hint: RateLimit,
}

impl Default for Limits {
    fn default() -> Self {
        const HOUR: i64 = 3600;
        Limits {
            login_account_address: RateLimit::new(5, 300),
            login_address: RateLimit::new(30, 300),
            login_account: RateLimit::new(100, HOUR),
            register: RateLimit::new(20, HOUR),
            account_mail: RateLimit::new(5, HOUR),
            password_reset: RateLimit::new(10, HOUR),
            contact_submit: RateLimit::new(10, HOUR),
            follow_up: RateLimit::new(30, HOUR),
            idea_post: RateLimit::new(5, 24 * HOUR),
            idea_vote: RateLimit::new(100, HOUR),
            faq_vote: RateLimit::new(60, HOUR),
            suggestion_click: RateLimit::new(120, HOUR),
            article_view: RateLimit::new(600, HOUR),
            chat_join: RateLimit::new(20, HOUR),
            survey_answer: RateLimit::new(30, HOUR),
            lookup: RateLimit::new(600, 60),
            second_factor: RateLimit::new(5, 300),
            sso: RateLimit::new(60, 300),
            // Three files on each of a day's ten inquiries, with room for retries.
            file_upload: RateLimit::new(50, 24 * HOUR),
            // A member typing shop names and dates: a few dozen tries an hour is plenty.
            parent_hint: RateLimit::new(40, HOUR),
        }
    }
}

impl Limits {
    pub fn get(&self, action: Action) -> RateLimit {
        *self.slot(action)
    }

    pub fn set(&mut self, action: Action, limit: RateLimit) {
        *self.slot_mut(action) = limit;
    }

    fn slot(&self, action: Action) -> &RateLimit {
        match action {
            Action::LoginAccountAddress => &self.login_account_address,
            Action::LoginAddress => &self.login_address,
            Action::LoginAccount => &self.login_account,
            Action::Register => &self.register,
            Action::AccountMail => &self.account_mail,
            Action::PasswordReset => &self.password_reset,
            Action::ContactSubmit => &self.contact_submit,
            Action::FollowUp => &self.follow_up,
            Action::IdeaPost => &self.idea_post,
            Action::IdeaVote => &self.idea_vote,
            Action::FaqVote => &self.faq_vote,
            Action::SuggestionClick => &self.suggestion_click,
            Action::ArticleView => &self.article_view,
            Action::ChatJoin => &self.chat_join,
            Action::SurveyAnswer => &self.survey_answer,
            Action::Lookup => &self.lookup,
            Action::SecondFactor => &self.second_factor,
            Action::Sso => &self.sso,
            Action::FileUpload => &self.file_upload,
            Action::ParentHint => &self.parent_hint,
        }
    }

    fn slot_mut(&mut self, action: Action) -> &mut RateLimit {
        match action {
            Action::LoginAccountAddress => &mut self.login_account_address,
            Action::LoginAddress => &mut self.login_address,
            Action::LoginAccount => &mut self.login_account,
            Action::Register => &mut self.register,
            Action::AccountMail => &mut self.account_mail,
            Action::PasswordReset => &mut self.password_reset,
            Action::ContactSubmit => &mut self.contact_submit,
            Action::FollowUp => &mut self.follow_up,
            Action::IdeaPost => &mut self.idea_post,
            Action::IdeaVote => &mut self.idea_vote,
            Action::FaqVote => &mut self.faq_vote,
            Action::SuggestionClick => &mut self.suggestion_click,
            Action::ArticleView => &mut self.article_view,
            Action::ChatJoin => &mut self.chat_join,
            Action::SurveyAnswer => &mut self.survey_answer,
            Action::Lookup => &mut self.lookup,
            Action::SecondFactor => &mut self.second_factor,
            Action::Sso => &mut self.sso,
            Action::FileUpload => &mut self.file_upload,
            Action::ParentHint => &mut self.parent_hint,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_parse_as_max_slash_seconds() {
        assert_eq!(RateLimit::parse("5/300"), Some(RateLimit::new(5, 300)));
        assert_eq!(RateLimit::parse(" 60 / 3600 "), Some(RateLimit::new(60, 3600)));
        assert_eq!(RateLimit::parse("0/60"), None);
        assert_eq!(RateLimit::parse("5"), None);
        assert_eq!(RateLimit::parse("-1/60"), None);
    }

    #[test]
    fn every_action_has_its_own_slot_and_name() {
        let mut limits = Limits::default();
        for (i, action) in Action::ALL.iter().enumerate() {
            limits.set(*action, RateLimit::new(1000 + i as i64, 1));
        }
        for (i, action) in Action::ALL.iter().enumerate() {
            assert_eq!(limits.get(*action).max, 1000 + i as i64, "{action:?}");
        }
        let names: std::collections::HashSet<_> = Action::ALL.iter().map(|a| a.name()).collect();
        assert_eq!(names.len(), Action::ALL.len());
    }
}
