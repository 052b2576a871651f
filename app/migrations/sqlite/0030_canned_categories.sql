-- Canned replies for one category (issue #23): a reply about a points judgement is offered on
-- points inquiries, not on account ones. NULL: offered everywhere (every reply saved before).
ALTER TABLE canned_replies ADD COLUMN category_id TEXT CHECK (category_id IS NULL OR length(category_id) BETWEEN 1 AND 32);
