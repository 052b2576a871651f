-- The staff inbox pages by (due time, id) with keyset paging; this index serves it for every
-- filter that does not narrow by status first (the existing `inquiries_due` leads with status).
CREATE INDEX inquiries_due_id ON inquiries (due_at, id);
