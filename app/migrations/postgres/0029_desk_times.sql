-- The desk's times, recorded when they happen (issue #23, "Measure it right"), by the database
-- itself so that no path that replies, closes or reopens can forget them.

-- The first staff reply: when, and by whom. Set once by the trigger below on the first staff
-- message (a reply, a bulk answer, the merge line); later ones leave it.
ALTER TABLE inquiries ADD COLUMN first_replied_at BIGINT;
ALTER TABLE inquiries ADD COLUMN first_replied_by BIGINT REFERENCES users (id);
UPDATE inquiries i SET first_replied_at = f.created_at, first_replied_by = f.author_id
FROM (SELECT DISTINCT ON (inquiry_id) inquiry_id, created_at, author_id FROM inquiry_messages
      WHERE from_staff = 1 ORDER BY inquiry_id, created_at, id) f
WHERE f.inquiry_id = i.id;
CREATE FUNCTION inquiries_first_reply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE inquiries SET first_replied_at = NEW.created_at, first_replied_by = NEW.author_id
    WHERE id = NEW.inquiry_id AND first_replied_at IS NULL;
    RETURN NULL;
END;
$$;
CREATE TRIGGER inquiries_first_reply AFTER INSERT ON inquiry_messages
    FOR EACH ROW WHEN (NEW.from_staff = 1) EXECUTE FUNCTION inquiries_first_reply();

-- Every close and every reopen, in order: `closed_at` only holds the last close, so the backlog
-- on a past day and the reopen rate need these. Older inquiries get their last close (their
-- reopens before today were never recorded).
CREATE TABLE inquiry_lifecycle (
    id         BIGSERIAL PRIMARY KEY,
    inquiry_id BIGINT NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
    kind       TEXT   NOT NULL CHECK (kind IN ('closed', 'reopened')),
    at         BIGINT NOT NULL
);
CREATE INDEX inquiry_lifecycle_at ON inquiry_lifecycle (at);
CREATE INDEX inquiry_lifecycle_inquiry ON inquiry_lifecycle (inquiry_id);
INSERT INTO inquiry_lifecycle (inquiry_id, kind, at)
    SELECT id, 'closed', COALESCE(closed_at, updated_at) FROM inquiries WHERE status = 'closed';
CREATE FUNCTION inquiries_lifecycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO inquiry_lifecycle (inquiry_id, kind, at) VALUES (
        NEW.id,
        CASE WHEN NEW.status = 'closed' THEN 'closed' ELSE 'reopened' END,
        CASE WHEN NEW.status = 'closed' THEN COALESCE(NEW.closed_at, NEW.updated_at) ELSE NEW.updated_at END);
    RETURN NULL;
END;
$$;
CREATE TRIGGER inquiries_lifecycle AFTER UPDATE OF status ON inquiries
    FOR EACH ROW WHEN ((OLD.status = 'closed') <> (NEW.status = 'closed')) EXECUTE FUNCTION inquiries_lifecycle();

-- The figures read a period's arrivals by time.
CREATE INDEX inquiries_received ON inquiries (received_at);
