-- The desk's figures and corrections (issue #23).
-- The first-reply target, fixed when the inquiry arrives: `due_at` moves with every member
-- follow-up, so "answered in time" measured against it counted late first replies as in time.
-- Rows from before this migration take their current due time (the best left to know).
ALTER TABLE inquiries ADD COLUMN first_reply_due_at BIGINT;
UPDATE inquiries SET first_reply_due_at = due_at WHERE first_reply_due_at IS NULL;
-- Recategorizing keeps the category the member chose, for the record and the figures.
ALTER TABLE inquiries ADD COLUMN original_category_id TEXT;

-- Moving an inquiry to another category is audited. SQLite cannot alter a CHECK, so the table
-- is rebuilt.
DROP TRIGGER audit_log_append_only;
ALTER TABLE audit_log RENAME TO audit_log_old;
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        BIGINT NOT NULL,
    actor_id  BIGINT NOT NULL REFERENCES users (id),
    action    TEXT   NOT NULL CHECK (action IN (
        'login', 'login_failed', 'reply', 'status', 'assign', 'note', 'view_inquiry', 'view_transcript',
        'export', 'staff_invite', 'staff_role', 'staff_deactivate', 'staff_reactivate', 'closure_add',
        'closure_remove', 'idea_decision', 'article_save', 'member_withdraw', 'category_save',
        'mail_attach', 'mail_discard', 'view_member', 'rules_save', 'priority', 'parent_lookup',
        'webhook_resend', 'recategorize')),
    target    TEXT   NOT NULL DEFAULT '',
    client_ip TEXT   NOT NULL DEFAULT ''
);
INSERT INTO audit_log (id, at, actor_id, action, target, client_ip)
    SELECT id, at, actor_id, action, target, client_ip FROM audit_log_old;
DROP TABLE audit_log_old;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit rows are never edited');
END;
