use crate::domain::{DisplayName, Email, Password};
use crate::error::{AppError, FieldError};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Member,
    Staff,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Staff => "staff",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "member" => Some(Role::Member),
            "staff" => Some(Role::Staff),
            _ => None,
        }
    }
}

/// What a staff member may do (`users.staff_role`, with a CHECK). Agents answer inquiries and
/// chats and edit help articles and ideas; supervisors also manage staff, closure days and
/// exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffRole {
    Agent,
    Supervisor,
}

impl StaffRole {
    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Agent => "agent",
            StaffRole::Supervisor => "supervisor",
        }
    }

    pub fn parse(s: &str) -> Option<StaffRole> {
        match s {
            "agent" => Some(StaffRole::Agent),
            "supervisor" => Some(StaffRole::Supervisor),
            _ => None,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            StaffRole::Agent => crate::i18n::msg::STAFF_ROLE_AGENT.get(lang),
            StaffRole::Supervisor => crate::i18n::msg::STAFF_ROLE_SUPERVISOR.get(lang),
        }
    }
}

/// What the browser may know about a user. The password hash never leaves the server: the
/// stored record is a different, non-`Serialize` type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserView {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// The member opened the link mailed to their address (operator-made accounts count as
    /// verified). Until then they can read but not write.
    pub email_verified: bool,
    /// A staff member's role (`None` for members).
    #[serde(default)]
    pub staff_role: Option<StaffRole>,
    /// Two-factor is set up (staff).
    #[serde(default)]
    pub two_factor: bool,
    /// A staff member who must set up two-factor before any staff page works (the setting is on
    /// and they have not): the staff pages send them to `/admin/two-factor`.
    #[serde(default)]
    pub two_factor_due: bool,
    /// Inquiries with a staff reply the member has not opened since: the header's badge. Only the
    /// `auth/me` answer fills it (one count per page load, no request of its own).
    #[serde(default)]
    pub unread_replies: i64,
    /// Our mail to the member's address is being refused (a bounce came back): the domain to
    /// allow in their carrier's 受信設定, for the banner. Only `auth/me` fills it.
    #[serde(default)]
    pub mail_refused_from: Option<String>,
}

impl UserView {
    pub fn is_staff(&self) -> bool {
        self.role == Role::Staff
    }

    pub fn is_supervisor(&self) -> bool {
        self.is_staff() && self.staff_role == Some(StaffRole::Supervisor)
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RegisterInput {
    pub email: String,
    pub password: String,
    pub display_name: String,
    /// The page's language: account mails are written in it.
    #[serde(default)]
    pub lang: Lang,
}

pub struct ValidRegistration {
    pub email: Email,
    pub password: Password,
    pub display_name: DisplayName,
}

impl RegisterInput {
    /// Every field's problem at once, so the form can mark them all.
    pub fn validate(&self) -> Result<ValidRegistration, AppError> {
        let mut errors = Vec::new();
        let mut note = |field: &str, error| errors.push(FieldError { field: field.into(), error });
        let email = Email::parse(&self.email).map_err(|e| note("email", e)).ok();
        let password = Password::parse(&self.password).map_err(|e| note("password", e)).ok();
        let display_name = DisplayName::parse(&self.display_name).map_err(|e| note("display_name", e)).ok();
        match (email, password, display_name) {
            (Some(email), Some(password), Some(display_name)) => {
                Ok(ValidRegistration { email, password, display_name })
            }
            _ => Err(AppError::Validation(errors)),
        }
    }
}

/// What sign-up answers, whether or not the address already had an account: a mail went to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registered {
    pub email: String,
}

/// How members sign in on this site: through the parent site (`sso_login_url`), and whether
/// local sign-up is offered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInOptions {
    pub sso_login_url: Option<String>,
    pub local_signup: bool,
    /// Carrier mail domains (built-in and configured) and the domain our mail comes from, for the
    /// 受信設定 notice.
    pub carrier_domains: Vec<String>,
    pub sender_domain: String,
}

impl SignInOptions {
    /// Where "log in" sends a member who should come back to `next`: the parent site's login with
    /// `next` appended (the parent passes it back on `/sso/jwt`), or `None` for the local form.
    pub fn parent_login(&self, next: &str) -> Option<String> {
        let url = self.sso_login_url.as_deref()?;
        let join = if url.contains('?') { '&' } else { '?' };
        Some(format!("{url}{join}next={}", super::urlencode(next)))
    }
}

/// The member's mail choices, in one place on the account page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailSettings {
    /// The language of account and desk mails.
    pub lang: Lang,
    /// Mails when an idea the member posted or voted for is adopted or declined.
    pub idea_decisions: bool,
}

/// A new password with the token from the reset mail.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ResetInput {
    pub token: String,
    pub password: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LoginInput {
    pub email: String,
    pub password: String,
    /// The second step for accounts with two-factor: six digits or a backup code. Asked for
    /// (`CodeRequired`) once the password was right.
    #[serde(default)]
    pub code: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ValidationError;

    #[test]
    fn registration_reports_every_bad_field() {
        let input =
            RegisterInput { email: "nope".into(), password: "short".into(), display_name: "".into(), lang: Lang::Ja };
        let Err(AppError::Validation(errors)) = input.validate() else { panic!("should fail") };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "password", "display_name"]);
        assert_eq!(errors[1].error, ValidationError::TooShort { min: 8 });
    }
}
