CREATE TABLE inquiry_categories (
    id         TEXT    PRIMARY KEY,
    position   BIGINT  NOT NULL,
    definition TEXT    NOT NULL,   -- the category as JSON (name, notices, fields)
    active     BIGINT  NOT NULL DEFAULT 1
);

CREATE TABLE inquiries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    reference       TEXT,
    member_id       BIGINT  NOT NULL REFERENCES users (id),
    category_id     TEXT    NOT NULL REFERENCES inquiry_categories (id),
    fields          TEXT    NOT NULL,   -- validated values as JSON
    status          TEXT    NOT NULL DEFAULT 'new',
    assignee_id     BIGINT  REFERENCES users (id),
    idempotency_key TEXT    NOT NULL,
    received_at     BIGINT  NOT NULL,
    due_at          BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    UNIQUE (member_id, idempotency_key)
);
CREATE UNIQUE INDEX inquiries_reference ON inquiries (reference);
CREATE INDEX inquiries_member ON inquiries (member_id, received_at);
CREATE INDEX inquiries_due ON inquiries (status, due_at);

CREATE TABLE inquiry_messages (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    inquiry_id  BIGINT  NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
    author_id   BIGINT  NOT NULL REFERENCES users (id),
    from_staff  BIGINT  NOT NULL,
    body        TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX inquiry_messages_inquiry ON inquiry_messages (inquiry_id, id);

CREATE TABLE inquiry_notes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    inquiry_id  BIGINT  NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
    author_id   BIGINT  NOT NULL REFERENCES users (id),
    body        TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX inquiry_notes_inquiry ON inquiry_notes (inquiry_id, id);

CREATE TABLE canned_replies (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    title       TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    created_by  BIGINT  NOT NULL REFERENCES users (id),
    created_at  BIGINT  NOT NULL
);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    to_addr         TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending',   -- pending | sent | failed
    attempts        BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    lease_until     BIGINT,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL,
    sent_at         BIGINT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
