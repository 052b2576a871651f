-- The desk's figures and corrections (issue #23).
-- The first-reply target, fixed when the inquiry arrives: `due_at` moves with every member
-- follow-up, so "answered in time" measured against it counted late first replies as in time.
-- Rows from before this migration take their current due time (the best left to know).
ALTER TABLE inquiries ADD COLUMN first_reply_due_at BIGINT;
UPDATE inquiries SET first_reply_due_at = due_at WHERE first_reply_due_at IS NULL;
-- Recategorizing keeps the category the member chose, for the record and the figures.
ALTER TABLE inquiries ADD COLUMN original_category_id TEXT;

-- Moving an inquiry to another category is audited.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN (
    'login', 'login_failed', 'reply', 'status', 'assign', 'note', 'view_inquiry', 'view_transcript',
    'export', 'staff_invite', 'staff_role', 'staff_deactivate', 'staff_reactivate', 'closure_add',
    'closure_remove', 'idea_decision', 'article_save', 'member_withdraw', 'category_save',
    'mail_attach', 'mail_discard', 'view_member', 'rules_save', 'priority', 'parent_lookup',
    'webhook_resend', 'recategorize'));
