use crate::auth::StaffRole;
use crate::calendar::Moment;
use crate::domain::{DisplayName, Email, Password, ValidationError};
use crate::error::{AppError, FieldError};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// A staff account as supervisors see it on `/admin/staff`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: StaffRole,
    pub active: bool,
    pub two_factor: bool,
}

/// An invitation not yet accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingInvitation {
    pub email: String,
    pub role: StaffRole,
    pub expires_at: Moment,
    pub expired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub members: Vec<StaffMember>,
    pub invitations: Vec<PendingInvitation>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct InviteInput {
    pub email: String,
    pub role: Option<StaffRole>,
    /// The supervisor's page language: the invitation mail is written in it.
    #[serde(default)]
    pub lang: Lang,
}

impl InviteInput {
    pub fn validate(&self) -> Result<(Email, StaffRole), AppError> {
        let email = Email::parse(&self.email).map_err(|e| AppError::field("email", e))?;
        Ok((email, self.role.unwrap_or(StaffRole::Agent)))
    }
}

/// What the invitation page shows before the invitee sets a password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub email: String,
    pub role: StaffRole,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AcceptInput {
    pub token: String,
    pub display_name: String,
    pub password: String,
}

impl AcceptInput {
    /// Both fields' problems at once, so the form can mark them together.
    pub fn validate(&self) -> Result<(DisplayName, Password), AppError> {
        let mut errors = Vec::new();
        let mut note = |field: &str, error: ValidationError| errors.push(FieldError { field: field.into(), error });
        let name = DisplayName::parse(&self.display_name).map_err(|e| note("display_name", e)).ok();
        let password = Password::parse(&self.password).map_err(|e| note("password", e)).ok();
        match (name, password) {
            (Some(n), Some(p)) if errors.is_empty() => Ok((n, p)),
            _ => Err(AppError::Validation(errors)),
        }
    }
}
