use super::ValidationError;

/// A password as typed, before hashing. Not `Serialize`, and `Debug` hides it, so it cannot leak
/// into logs or responses. Rules follow OWASP: 8–128 characters, every character allowed.
#[derive(Clone)]
pub struct Password(String);

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;

impl Password {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let count = raw.chars().count();
        if count == 0 {
            return Err(ValidationError::Required);
        }
        if count < PASSWORD_MIN {
            return Err(ValidationError::TooShort { min: PASSWORD_MIN });
        }
        if count > PASSWORD_MAX {
            return Err(ValidationError::TooLong { max: PASSWORD_MAX });
        }
        Ok(Password(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_is_counted_in_characters() {
        assert!(Password::parse("パスワード1234").is_ok()); // 9 characters, 19 bytes
        assert_eq!(Password::parse("パスワード").unwrap_err(), ValidationError::TooShort { min: 8 });
        assert_eq!(Password::parse(&"あ".repeat(129)).unwrap_err(), ValidationError::TooLong { max: 128 });
    }

    #[test]
    fn debug_output_never_shows_the_password() {
        let p = Password::parse("correct horse").unwrap();
        assert!(!format!("{p:?}").contains("horse"));
    }
}
