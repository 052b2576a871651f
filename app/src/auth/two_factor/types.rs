use serde::{Deserialize, Serialize};

/// An offer to enrol: the secret as text (for typing into an app), the `otpauth://` address,
/// and the same address drawn as a QR code (SVG made on the server).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    pub secret: String,
    pub otpauth_url: String,
    pub qr_svg: String,
}

/// Ten single-use codes for when the phone is not at hand: shown once, kept only as digests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupCodes {
    pub codes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorStatus {
    pub enabled: bool,
    pub backup_codes_left: i64,
    /// The setting: staff cannot work without two-factor.
    pub required: bool,
}
