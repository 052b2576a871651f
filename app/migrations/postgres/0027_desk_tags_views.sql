-- Tags, saved views, merging and the inbox's other orders (issue #23).
-- Tags: supervisors keep the list, staff put them on inquiries (one row per inquiry and tag, so
-- tagging twice, even at once, is one tag).
CREATE TABLE tags (
    id         BIGSERIAL PRIMARY KEY,
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
    id         BIGSERIAL PRIMARY KEY,
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

-- Tagging, keeping the tag list and merging are audited.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN (
    'login', 'login_failed', 'reply', 'status', 'assign', 'note', 'view_inquiry', 'view_transcript',
    'export', 'staff_invite', 'staff_role', 'staff_deactivate', 'staff_reactivate', 'closure_add',
    'closure_remove', 'idea_decision', 'article_save', 'member_withdraw', 'category_save',
    'mail_attach', 'mail_discard', 'view_member', 'rules_save', 'priority', 'parent_lookup',
    'webhook_resend', 'recategorize', 'tag', 'tags_manage', 'merge'));
