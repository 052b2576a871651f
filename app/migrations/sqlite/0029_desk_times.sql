-- The desk's times, recorded when they happen (issue #23, "Measure it right"), by the database
-- itself so that no path that replies, closes or reopens can forget them.

-- The first staff reply: when, and by whom. Set once by the trigger below on the first staff
-- message (a reply, a bulk answer, the merge line); later ones leave it.
ALTER TABLE inquiries ADD COLUMN first_replied_at BIGINT;
ALTER TABLE inquiries ADD COLUMN first_replied_by BIGINT REFERENCES users (id);
UPDATE inquiries SET
    first_replied_at = (SELECT m.created_at FROM inquiry_messages m
                        WHERE m.inquiry_id = inquiries.id AND m.from_staff = 1 ORDER BY m.created_at, m.id LIMIT 1),
    first_replied_by = (SELECT m.author_id FROM inquiry_messages m
                        WHERE m.inquiry_id = inquiries.id AND m.from_staff = 1 ORDER BY m.created_at, m.id LIMIT 1);
CREATE TRIGGER inquiries_first_reply AFTER INSERT ON inquiry_messages
WHEN NEW.from_staff = 1
BEGIN
    UPDATE inquiries SET first_replied_at = NEW.created_at, first_replied_by = NEW.author_id
    WHERE id = NEW.inquiry_id AND first_replied_at IS NULL;
END;

-- Every close and every reopen, in order: `closed_at` only holds the last close, so the backlog
-- on a past day and the reopen rate need these. Older inquiries get their last close (their
-- reopens before today were never recorded).
CREATE TABLE inquiry_lifecycle (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    inquiry_id BIGINT NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
    kind       TEXT   NOT NULL CHECK (kind IN ('closed', 'reopened')),
    at         BIGINT NOT NULL
);
CREATE INDEX inquiry_lifecycle_at ON inquiry_lifecycle (at);
CREATE INDEX inquiry_lifecycle_inquiry ON inquiry_lifecycle (inquiry_id);
INSERT INTO inquiry_lifecycle (inquiry_id, kind, at)
    SELECT id, 'closed', COALESCE(closed_at, updated_at) FROM inquiries WHERE status = 'closed';
CREATE TRIGGER inquiries_lifecycle AFTER UPDATE OF status ON inquiries
WHEN (OLD.status = 'closed') <> (NEW.status = 'closed')
BEGIN
    INSERT INTO inquiry_lifecycle (inquiry_id, kind, at) VALUES (
        NEW.id,
        CASE WHEN NEW.status = 'closed' THEN 'closed' ELSE 'reopened' END,
        CASE WHEN NEW.status = 'closed' THEN COALESCE(NEW.closed_at, NEW.updated_at) ELSE NEW.updated_at END);
END;

-- The figures read a period's arrivals by time.
CREATE INDEX inquiries_received ON inquiries (received_at);
