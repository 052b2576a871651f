-- Letting time work (issue #23): rules that run on their own, once across instances.
-- The supervisors' switches: close answered inquiries after this many business days without a
-- member reply (0: never), and hand new inquiries to available staff in turn.
CREATE TABLE desk_rules (
    id               BIGINT PRIMARY KEY CHECK (id = 1),
    auto_close_days  BIGINT NOT NULL DEFAULT 5 CHECK (auto_close_days BETWEEN 0 AND 30),
    auto_assign      BIGINT NOT NULL DEFAULT 0 CHECK (auto_assign IN (0, 1)),
    -- At most this many open inquiries per staff member before auto-assign passes them by.
    assign_limit     BIGINT NOT NULL DEFAULT 30 CHECK (assign_limit BETWEEN 1 AND 500),
    updated_at       BIGINT NOT NULL DEFAULT 0
);
INSERT INTO desk_rules (id) VALUES (1);

-- One runner at a time across instances: the row is taken until `until` (like the outbox lease).
CREATE TABLE rule_leases (
    name   TEXT   PRIMARY KEY CHECK (name IN ('desk_rules')),
    holder TEXT   NOT NULL,
    until  BIGINT NOT NULL
);
INSERT INTO rule_leases (name, holder, until) VALUES ('desk_rules', '', 0);

-- Closed by the auto-close rule (not by staff): a member's reply still reopens it, so a reply
-- racing the rule always wins.
ALTER TABLE inquiries ADD COLUMN auto_closed_at BIGINT;
-- The due time each alert was sent for, so an alert goes once per due time (a follow-up moves the
-- due time and arms them again).
ALTER TABLE inquiries ADD COLUMN due_soon_alerted BIGINT;
ALTER TABLE inquiries ADD COLUMN overdue_alerted BIGINT;
-- Auto-assign takes turns: a counter, the staff member with the lowest goes next (a clock would
-- tie when several are handed out in one run).
ALTER TABLE staff_presence ADD COLUMN assigned_turn BIGINT NOT NULL DEFAULT 0;

-- Changing the rules is audited. SQLite cannot alter a CHECK, so the table is rebuilt.
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
        'mail_attach', 'mail_discard', 'view_member', 'rules_save')),
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
