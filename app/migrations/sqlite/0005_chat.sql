CREATE TABLE chat_sessions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,   -- also the place in the queue: lower came first
    member_id    BIGINT  NOT NULL REFERENCES users (id),
    topic        TEXT    NOT NULL,
    status       TEXT    NOT NULL,   -- waiting | active | ended | left
    enqueued_at  BIGINT  NOT NULL,
    last_seen_at BIGINT  NOT NULL,   -- refreshed while the member's socket is open (grace period)
    staff_id     BIGINT  REFERENCES users (id),
    taken_at     BIGINT,
    ended_at     BIGINT,
    ended_by     TEXT
);
CREATE INDEX chat_sessions_status ON chat_sessions (status, id);
CREATE INDEX chat_sessions_member ON chat_sessions (member_id, id);

CREATE TABLE chat_messages (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id BIGINT  NOT NULL REFERENCES chat_sessions (id),
    author_id  BIGINT  NOT NULL REFERENCES users (id),
    from_staff BIGINT  NOT NULL,
    client_id  TEXT    NOT NULL,   -- made by the sender; a resend after reconnect is stored once
    body       TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    UNIQUE (session_id, client_id)
);

CREATE TABLE staff_presence (
    staff_id   BIGINT PRIMARY KEY REFERENCES users (id),
    available  BIGINT NOT NULL,
    capacity   BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Members turned away by the "line busy" cap, for the insights page.
CREATE TABLE chat_refusals (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id BIGINT NOT NULL,
    at        BIGINT NOT NULL
);
