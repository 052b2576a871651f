-- Staff two-factor (TOTP, RFC 6238). The secret must be readable to check codes, so it is kept
-- as it is (base32); everything else about it is single-use. `totp_confirmed_at` is set when the
-- first code proved the authenticator works; until then the secret is only an enrolment offer.
-- `totp_last_step` is the newest 30-second step a code was accepted for: a code is spent by the one
-- UPDATE that raises it, so the same code cannot be used twice (replay), even in parallel.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_confirmed_at BIGINT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;

-- Ten backup codes per enrolment, shown once; only their SHA-256 (salted with the user id) is kept.
-- A code is spent by the one UPDATE that sets used_at.
CREATE TABLE backup_codes (
    user_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT   NOT NULL,
    used_at   BIGINT,
    PRIMARY KEY (user_id, code_hash)
);
