-- Search over inquiries, their messages, chats and members (issue #23). Each searchable thing is
-- a row of `search_docs`; `tokens` is its text cut into overlapping pairs of characters by the
-- app (`search::server::tokens`), so Japanese without spaces, one- and two-character words,
-- order numbers and parts of addresses are all found the same way on both databases. The rows
-- are written in the same transaction as what they describe.
CREATE TABLE search_docs (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT    NOT NULL CHECK (kind IN ('inquiry', 'message', 'chat', 'member')),
    source_id  BIGINT  NOT NULL,
    member_id  BIGINT  NOT NULL REFERENCES users (id),
    inquiry_id BIGINT  REFERENCES inquiries (id),
    chat_id    BIGINT  REFERENCES chat_sessions (id),
    tokens     TEXT    NOT NULL,
    UNIQUE (kind, source_id)
);
CREATE INDEX search_docs_member ON search_docs (member_id);

-- SQLite's own full-text index over the tokens (FTS5, external content: the text lives once, in
-- search_docs; the triggers keep the index in step).
CREATE VIRTUAL TABLE search_fts USING fts5 (
    tokens, content = 'search_docs', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts (rowid, tokens) VALUES (new.id, new.tokens);
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_fts (search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens);
END;
CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
    INSERT INTO search_fts (search_fts, rowid, tokens) VALUES ('delete', old.id, old.tokens);
    INSERT INTO search_fts (rowid, tokens) VALUES (new.id, new.tokens);
END;

-- What was stored before this migration is indexed once, in the background, in batches up to
-- the ids below (everything newer is indexed as it is written).
CREATE TABLE search_backfill (
    source      TEXT   PRIMARY KEY CHECK (source IN ('inquiry', 'message', 'chat', 'member')),
    done_through BIGINT NOT NULL,
    upto        BIGINT NOT NULL
);
INSERT INTO search_backfill (source, done_through, upto) VALUES
    ('inquiry', 0, (SELECT COALESCE(MAX(id), 0) FROM inquiries)),
    ('message', 0, (SELECT COALESCE(MAX(id), 0) FROM inquiry_messages)),
    ('chat', 0, (SELECT COALESCE(MAX(id), 0) FROM chat_messages)),
    ('member', 0, (SELECT COALESCE(MAX(id), 0) FROM users));

-- Opening a member's page is audited. SQLite cannot alter a CHECK, so the table is rebuilt.
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
        'mail_attach', 'mail_discard', 'view_member')),
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

-- The staff member page reads everything of one member: these lists by member were not indexed.
CREATE INDEX ideas_member ON ideas (member_id);
CREATE INDEX chat_surveys_member ON chat_surveys (member_id);
CREATE INDEX inquiry_surveys_member ON inquiry_surveys (member_id);
