-- A reply or follow-up carries a key made by the browser when the message is composed: a retry
-- after a lost answer (or a double click) is stored, answered and mailed once. Older rows have
-- none (NULLs never collide).
ALTER TABLE inquiry_messages ADD COLUMN client_key TEXT;
CREATE UNIQUE INDEX inquiry_messages_client_key ON inquiry_messages (inquiry_id, client_key);
