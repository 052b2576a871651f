CREATE TABLE ideas (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id         BIGINT  NOT NULL REFERENCES users (id),
    title             TEXT    NOT NULL,
    body              TEXT    NOT NULL,
    search_title      TEXT    NOT NULL,   -- normalized (app/src/faq/normalize.rs) for similar-idea lookup
    status            TEXT    NOT NULL DEFAULT 'open',
    staff_note        TEXT,
    status_changed_at BIGINT,
    duplicate_of      BIGINT  REFERENCES ideas (id),
    hidden            BIGINT  NOT NULL DEFAULT 0,
    created_at        BIGINT  NOT NULL
);
CREATE INDEX ideas_board ON ideas (hidden, status, created_at);

CREATE TABLE idea_votes (
    idea_id    BIGINT NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    member_id  BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (idea_id, member_id)
);

ALTER TABLE users ADD COLUMN idea_mail_opt_out BIGINT NOT NULL DEFAULT 0;
