-- Incidents (issue #23): one cause behind many inquiries ("じゃらん tracking outage 12/3"). Staff
-- link inquiries to an incident (an inquiry to at most one: the key says so), answer them all at
-- once, and are shown the ones that match it as they arrive — by the structured fields a points
-- claim has (the shop and the day it was used), which free-text desks cannot do.
-- The shop (normalized as the help center's search is: width, case, kana) and the day of use,
-- copied from the fields when the inquiry arrives, so matching uses an index.
ALTER TABLE inquiries ADD COLUMN shop_key TEXT;
ALTER TABLE inquiries ADD COLUMN used_on TEXT;
-- Older rows: the same, with SQL's lower-casing only (full-width and kana variants of their shop
-- names match from their own spelling).
UPDATE inquiries SET shop_key = lower(trim(json_extract(fields, '$.shop_name'))), used_on = json_extract(fields, '$.used_on')
    WHERE json_valid(fields);
CREATE INDEX inquiries_shop_day ON inquiries (shop_key, used_on);

CREATE TABLE incidents (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    title       TEXT   NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    status      TEXT   NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    -- What members are told (on their inquiry's page while it is linked).
    public_note TEXT   NOT NULL DEFAULT '' CHECK (length(public_note) <= 2000),
    shop_name   TEXT   NOT NULL DEFAULT '' CHECK (length(shop_name) <= 100),
    shop_key    TEXT   NOT NULL DEFAULT '',
    around_day  TEXT   CHECK (around_day IS NULL OR length(around_day) = 10),
    window_days BIGINT NOT NULL DEFAULT 3 CHECK (window_days BETWEEN 0 AND 31),
    created_by  BIGINT NOT NULL REFERENCES users (id),
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX incidents_shop ON incidents (shop_key, status);
CREATE TABLE incident_inquiries (
    inquiry_id  BIGINT PRIMARY KEY REFERENCES inquiries (id) ON DELETE CASCADE,
    incident_id BIGINT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    linked_at   BIGINT NOT NULL
);
CREATE INDEX incident_inquiries_incident ON incident_inquiries (incident_id, inquiry_id);

-- Incident changes are audited. SQLite cannot alter a CHECK, so the table is rebuilt.
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
        'webhook_resend', 'recategorize', 'tag', 'tags_manage', 'merge', 'incident')),
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
