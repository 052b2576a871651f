-- Attachments. A row is an upload by `uploader_id`; sending an inquiry, follow-up, reply or chat
-- message attaches it (sets where it belongs and `attached_at`, in one conditional UPDATE).
-- Unattached uploads are purged after a day. The bytes live in the blob store under `sha256`
-- (and the thumbnail's under `thumb_sha256`); the id is 128 random bits, never a counter.
CREATE TABLE attachments (
    id                 TEXT    PRIMARY KEY,
    uploader_id        BIGINT  NOT NULL REFERENCES users (id),
    kind               TEXT    NOT NULL CHECK (kind IN ('png', 'jpeg', 'gif', 'webp', 'pdf')),
    name               TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    size               BIGINT  NOT NULL CHECK (size > 0),
    sha256             TEXT    NOT NULL CHECK (length(sha256) = 64),
    thumb_sha256       TEXT    CHECK (thumb_sha256 IS NULL OR length(thumb_sha256) = 64),
    created_at         BIGINT  NOT NULL,
    inquiry_id         BIGINT  REFERENCES inquiries (id) ON DELETE CASCADE,
    inquiry_message_id BIGINT  REFERENCES inquiry_messages (id) ON DELETE CASCADE,
    chat_session_id    BIGINT  REFERENCES chat_sessions (id),
    chat_message_id    BIGINT  REFERENCES chat_messages (id),
    attached_at        BIGINT,
    -- Attached to exactly one place, or not yet: never to an inquiry and a chat at once, and a
    -- message id only with its inquiry or chat.
    CHECK ((attached_at IS NULL) = (inquiry_id IS NULL AND chat_session_id IS NULL)),
    CHECK (inquiry_id IS NULL OR chat_session_id IS NULL),
    CHECK (inquiry_message_id IS NULL OR inquiry_id IS NOT NULL),
    CHECK ((chat_session_id IS NULL) = (chat_message_id IS NULL)),
    -- Only images have thumbnails.
    CHECK ((thumb_sha256 IS NULL) = (kind = 'pdf'))
);
CREATE INDEX attachments_inquiry ON attachments (inquiry_id);
CREATE INDEX attachments_chat ON attachments (chat_session_id, chat_message_id);
CREATE INDEX attachments_uploads ON attachments (uploader_id, attached_at, created_at);
CREATE INDEX attachments_blob ON attachments (sha256);
CREATE INDEX attachments_thumb ON attachments (thumb_sha256);
