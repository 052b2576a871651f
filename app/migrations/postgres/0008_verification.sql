-- Verified addresses. Accounts that existed before this migration were made by their owners or
-- by operators and keep working: they count as verified from when they were made.
ALTER TABLE users ADD COLUMN email_verified_at BIGINT;
UPDATE users SET email_verified_at = created_at;

-- Single-use links mailed to members (address verification, password reset). Only the SHA-256 of the token is
-- stored; a link is spent by the one UPDATE that sets used_at.
CREATE TABLE account_tokens (
    token_hash TEXT   PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT   NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);
CREATE INDEX account_tokens_expires ON account_tokens (expires_at);

-- When a session was last used (refreshed at most once a minute): staff sessions end after
-- `staff_idle_minutes` without use.
ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_at = created_at;
-- The browser's user agent at login, shown (as "Chrome on Windows") in the member's own list.
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
