use crate::domain::{DisplayName, Email, Password};
use crate::error::{AppError, FieldError};
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
}

impl UserView {
    pub fn is_staff(&self) -> bool {
        self.role == Role::Staff
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RegisterInput {
    pub email: String,
    pub password: String,
    pub display_name: String,
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ValidationError;

    #[test]
    fn registration_reports_every_bad_field() {
        let input = RegisterInput { email: "nope".into(), password: "short".into(), display_name: "".into() };
        let Err(AppError::Validation(errors)) = input.validate() else { panic!("should fail") };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "password", "display_name"]);
        assert_eq!(errors[1].error, ValidationError::TooShort { min: 8 });
    }
}
