-- The parent site beside every claim (issue #24).
-- Every look-up at the parent site's data about a member: by staff on an inquiry or a chat
-- (audited too: it is personal data), or for the member in the contact wizard (a judgement-date
-- hint; counted as a deflection when no inquiry follows). The summary is what was shown; when the
-- staff member then answers, the reply's message id is written here as its evidence.
CREATE TABLE parent_lookups (
    id          BIGSERIAL PRIMARY KEY,
    purpose     TEXT    NOT NULL CHECK (purpose IN ('inquiry', 'member', 'wizard')),
    member_id   BIGINT  NOT NULL REFERENCES users (id),
    inquiry_id  BIGINT  REFERENCES inquiries (id) ON DELETE CASCADE,
    staff_id    BIGINT  REFERENCES users (id),
    outcome     TEXT    NOT NULL CHECK (outcome IN ('found', 'none', 'unavailable')),
    summary     TEXT    NOT NULL DEFAULT '',
    message_id  BIGINT  REFERENCES inquiry_messages (id) ON DELETE SET NULL,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX parent_lookups_inquiry ON parent_lookups (inquiry_id, id);
CREATE INDEX parent_lookups_member ON parent_lookups (member_id, created_at);
CREATE INDEX parent_lookups_purpose ON parent_lookups (purpose, created_at);

-- Events out: one row per event and receiver, written in the transaction of the change it
-- reports (like the outbox), delivered at least once by the webhook worker.
CREATE TABLE webhook_deliveries (
    id              BIGSERIAL PRIMARY KEY,
    -- The idempotency id receivers deduplicate on: the same for every attempt and a resend.
    event_id        TEXT    NOT NULL,
    event_type      TEXT    NOT NULL CHECK (event_type IN (
        'inquiry.created', 'inquiry.replied', 'inquiry.closed', 'inquiry.reopened',
        'chat.queued', 'chat.taken', 'chat.ended', 'survey.answered', 'idea.decided', 'member.withdrawn')),
    url             TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    lease_until     BIGINT,
    last_status     BIGINT,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL,
    delivered_at    BIGINT,
    UNIQUE (event_id, url)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_created ON webhook_deliveries (created_at);

-- Both new staff actions are audited.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN (
    'login', 'login_failed', 'reply', 'status', 'assign', 'note', 'view_inquiry', 'view_transcript',
    'export', 'staff_invite', 'staff_role', 'staff_deactivate', 'staff_reactivate', 'closure_add',
    'closure_remove', 'idea_decision', 'article_save', 'member_withdraw', 'category_save',
    'mail_attach', 'mail_discard', 'view_member', 'rules_save', 'priority', 'parent_lookup',
    'webhook_resend'));
