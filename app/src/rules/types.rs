use crate::domain::ValidationError;
use crate::error::{AppError, FieldError};
use serde::{Deserialize, Serialize};

/// The supervisors' switches (`desk_rules`, one row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskRules {
    /// Business days without a member reply before an answered inquiry closes; 0: never.
    pub auto_close_days: u32,
    pub auto_assign: bool,
    /// Most open inquiries one staff member is handed by auto-assign.
    pub assign_limit: u32,
}

impl Default for DeskRules {
    fn default() -> Self {
        DeskRules { auto_close_days: 5, auto_assign: false, assign_limit: 30 }
    }
}

pub const MAX_AUTO_CLOSE_DAYS: u32 = 30;
pub const MAX_ASSIGN_LIMIT: u32 = 500;

impl DeskRules {
    /// The same bounds as the table's CHECKs, with the field named (the labels state the bounds).
    pub fn validate(&self) -> Result<(), AppError> {
        let mut errors = Vec::new();
        if self.auto_close_days > MAX_AUTO_CLOSE_DAYS {
            errors.push(FieldError { field: "auto_close_days".into(), error: ValidationError::InvalidNumber });
        }
        if !(1..=MAX_ASSIGN_LIMIT).contains(&self.assign_limit) {
            errors.push(FieldError { field: "assign_limit".into(), error: ValidationError::InvalidNumber });
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_outside_the_bounds_are_refused_with_the_field_named() {
        assert!(DeskRules::default().validate().is_ok());
        let bad = DeskRules { auto_close_days: 31, auto_assign: true, assign_limit: 0 };
        let Err(AppError::Validation(errors)) = bad.validate() else { panic!("refused") };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["auto_close_days", "assign_limit"]);
    }
}
