-- Acting on many (issue #23): a priority per inquiry, set one by one or in bulk.
ALTER TABLE inquiries ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal'
    CHECK (priority IN ('low', 'normal', 'high', 'urgent'));

-- Setting a priority is audited. SQLite cannot alter a CHECK, so the table is rebuilt.
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
        'mail_attach', 'mail_discard', 'view_member', 'rules_save', 'priority')),
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
