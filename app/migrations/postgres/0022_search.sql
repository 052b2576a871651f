-- Search over inquiries, their messages, chats and members (issue #23). Each searchable thing is
-- a row of `search_docs`; `tokens` is its text cut into overlapping pairs of characters by the
-- app (`search::server::tokens`), so Japanese without spaces, one- and two-character words,
-- order numbers and parts of addresses are all found the same way on both databases. The rows
-- are written in the same transaction as what they describe.
CREATE TABLE search_docs (
    id         BIGSERIAL PRIMARY KEY,
    kind       TEXT    NOT NULL CHECK (kind IN ('inquiry', 'message', 'chat', 'member')),
    source_id  BIGINT  NOT NULL,
    member_id  BIGINT  NOT NULL REFERENCES users (id),
    inquiry_id BIGINT  REFERENCES inquiries (id),
    chat_id    BIGINT  REFERENCES chat_sessions (id),
    tokens     TEXT    NOT NULL,
    -- The tokens as lexemes, built without PostgreSQL's word parser (which would split Japanese
    -- by the server's locale): the app already cut the text; a GIN index serves the search.
    lexemes    TSVECTOR GENERATED ALWAYS AS (array_to_tsvector(string_to_array(tokens, ' '))) STORED,
    UNIQUE (kind, source_id)
);
CREATE INDEX search_docs_member ON search_docs (member_id);
CREATE INDEX search_docs_lexemes ON search_docs USING gin (lexemes);

-- What was stored before this migration is indexed once, in the background, in batches up to
-- the ids below (everything newer is indexed as it is written).
CREATE TABLE search_backfill (
    source       TEXT   PRIMARY KEY CHECK (source IN ('inquiry', 'message', 'chat', 'member')),
    done_through BIGINT NOT NULL,
    upto         BIGINT NOT NULL
);
INSERT INTO search_backfill (source, done_through, upto) VALUES
    ('inquiry', 0, (SELECT COALESCE(MAX(id), 0) FROM inquiries)),
    ('message', 0, (SELECT COALESCE(MAX(id), 0) FROM inquiry_messages)),
    ('chat', 0, (SELECT COALESCE(MAX(id), 0) FROM chat_messages)),
    ('member', 0, (SELECT COALESCE(MAX(id), 0) FROM users));

-- Opening a member's page is audited.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN (
    'login', 'login_failed', 'reply', 'status', 'assign', 'note', 'view_inquiry', 'view_transcript',
    'export', 'staff_invite', 'staff_role', 'staff_deactivate', 'staff_reactivate', 'closure_add',
    'closure_remove', 'idea_decision', 'article_save', 'member_withdraw', 'category_save',
    'mail_attach', 'mail_discard', 'view_member'));

-- The staff member page reads everything of one member: these lists by member were not indexed.
CREATE INDEX ideas_member ON ideas (member_id);
CREATE INDEX chat_surveys_member ON chat_surveys (member_id);
CREATE INDEX inquiry_surveys_member ON inquiry_surveys (member_id);
