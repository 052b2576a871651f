-- Mail both ways (issue #22). A member's reply by mail arrives over SMTP, is stored here before
-- the listener answers 250, and a worker threads it into its inquiry or holds it for staff.
-- `dedupe_key` is the Message-ID (or a hash of the bytes when there is none): the same mail
-- handed over twice (a relay retrying, two MX paths) is one row.
CREATE TABLE inbound_mail (
    id              BIGSERIAL PRIMARY KEY,
    dedupe_key      TEXT    NOT NULL UNIQUE CHECK (length(dedupe_key) BETWEEN 1 AND 1000),
    envelope_from   TEXT    NOT NULL,
    recipients      TEXT    NOT NULL,
    raw             BYTEA   NOT NULL,
    size            BIGINT  NOT NULL CHECK (size >= 0),
    client_ip       TEXT    NOT NULL,
    received_at     BIGINT  NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'threaded', 'held', 'ignored', 'bounce', 'attached', 'discarded')),
    reason          TEXT    CHECK (reason IS NULL OR reason IN (
                        'no_token', 'bad_signature', 'unknown_inquiry', 'other_sender', 'withdrawn', 'closed',
                        'unreadable', 'empty', 'auto_reply', 'own_mail', 'bounce_unmatched', 'delayed')),
    from_addr       TEXT,
    subject         TEXT,
    text            TEXT,
    inquiry_id      BIGINT  REFERENCES inquiries (id) ON DELETE SET NULL,
    member_id       BIGINT  REFERENCES users (id),
    message_id      BIGINT  REFERENCES inquiry_messages (id) ON DELETE SET NULL,
    attempts        BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    lease_until     BIGINT,
    last_error      TEXT,
    processed_at    BIGINT,
    CHECK ((status = 'pending') = (processed_at IS NULL)),
    CHECK (status NOT IN ('held', 'ignored') OR reason IS NOT NULL)
);
CREATE INDEX inbound_mail_due ON inbound_mail (status, next_attempt_at);
CREATE INDEX inbound_mail_member ON inbound_mail (member_id);
CREATE INDEX inbound_mail_received ON inbound_mail (received_at);

-- Messages that came by mail say so, and keep the quoted part folded instead of repeating it.
ALTER TABLE inquiry_messages ADD COLUMN via TEXT NOT NULL DEFAULT 'web' CHECK (via IN ('web', 'mail'));
ALTER TABLE inquiry_messages ADD COLUMN quoted TEXT;

-- Outgoing mail about an inquiry carries its reply address and thread headers (made at send time
-- from `inquiry_id`, so a rotated key applies to mail still queued). A bounce marks the row.
ALTER TABLE outbox ADD COLUMN inquiry_id BIGINT;
ALTER TABLE outbox ADD COLUMN bounced_at BIGINT;

-- The member's address is refusing our mail (a bounce came back); cleared when it changes.
ALTER TABLE users ADD COLUMN mail_failing_at BIGINT;
ALTER TABLE users ADD COLUMN mail_failing_reason TEXT;

-- Supervisors attaching or discarding held mail is audited.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN (
    'login', 'login_failed', 'reply', 'status', 'assign', 'note', 'view_inquiry', 'view_transcript',
    'export', 'staff_invite', 'staff_role', 'staff_deactivate', 'staff_reactivate', 'closure_add',
    'closure_remove', 'idea_decision', 'article_save', 'member_withdraw', 'category_save',
    'mail_attach', 'mail_discard'));
