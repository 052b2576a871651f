-- Chat for a team: internal notes on a chat (staff only; never shown to the member), and the
-- member's request for the transcript by mail (once per chat: the UPDATE that sets
-- transcript_mailed_at from NULL is the only way a transcript mail is queued).
CREATE TABLE chat_notes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id BIGINT  NOT NULL REFERENCES chat_sessions (id),
    author_id  BIGINT  NOT NULL REFERENCES users (id),
    body       TEXT    NOT NULL,
    created_at BIGINT  NOT NULL
);
CREATE INDEX chat_notes_session ON chat_notes (session_id, id);
ALTER TABLE chat_sessions ADD COLUMN transcript_mailed_at BIGINT;
