-- The language account and desk mails are written in (the member's choice; sign-up takes the
-- page's language).
ALTER TABLE users ADD COLUMN mail_lang TEXT NOT NULL DEFAULT 'ja' CHECK (mail_lang IN ('ja', 'en'));

-- A requested change of address: the link goes to the new address, and only opening it switches.
-- Single-use (spent by the one UPDATE that sets used_at), expiring, only the SHA-256 kept.
CREATE TABLE email_changes (
    token_hash TEXT   PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    new_email  TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX email_changes_expires ON email_changes (expires_at);

-- When the member last opened the inquiry: a staff reply after it is unread (the header badge).
ALTER TABLE inquiries ADD COLUMN member_seen_at BIGINT;
