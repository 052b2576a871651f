-- Tags, saved views, merging and the inbox's other orders (issue #23).
-- Tags: supervisors keep the list, staff put them on inquiries (one row per inquiry and tag, so
-- tagging twice, even at once, is one tag).
CREATE TABLE tags (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 40),
    created_at BIGINT  NOT NULL
);
CREATE TABLE inquiry_tags (
    inquiry_id BIGINT NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
    tag_id     BIGINT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    tagged_at  BIGINT NOT NULL,
    PRIMARY KEY (tag_id, inquiry_id)
);
CREATE INDEX inquiry_tags_inquiry ON inquiry_tags (inquiry_id);

-- Saved views: an inbox filter with a name, personal or (made by a supervisor) shared. At most 20
-- per staff member: each takes one of 20 numbered slots, so two saves at once cannot both take
-- the 20th (the unique slot decides, on either database).
CREATE TABLE saved_views (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id   BIGINT  NOT NULL REFERENCES users (id),
    slot       BIGINT  NOT NULL CHECK (slot BETWEEN 1 AND 20),
    shared     BIGINT  NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    filter     TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    UNIQUE (owner_id, slot),
    UNIQUE (owner_id, name)
);
CREATE INDEX saved_views_shared ON saved_views (shared, id);

-- A merged inquiry points at the one its thread moved to (and is closed).
ALTER TABLE inquiries ADD COLUMN merged_into BIGINT REFERENCES inquiries (id);

-- The inbox's other orders, each served by an index as the due order is (`inquiries_due_id`):
-- last activity (newest first) and priority (urgent first, then by due time).
CREATE INDEX inquiries_updated_id ON inquiries (updated_at, id);
CREATE INDEX inquiries_priority_due ON inquiries (
    (CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END), due_at, id);

-- Tagging, keeping the tag list and merging are audited. SQLite cannot alter a CHECK, so the
-- table is rebuilt.
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
        'webhook_resend', 'recategorize', 'tag', 'tags_manage', 'merge')),
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
