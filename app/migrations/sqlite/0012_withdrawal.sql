-- Withdrawal (退会). The account row stays, anonymized, so what staff need for statistics
-- (inquiries, chats, surveys) still counts; `withdrawn_by` is the staff member who closed it on
-- the member's request, NULL when the member did it themselves.
ALTER TABLE users ADD COLUMN withdrawn_at BIGINT;
ALTER TABLE users ADD COLUMN withdrawn_by BIGINT REFERENCES users (id);
