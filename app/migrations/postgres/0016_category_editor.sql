-- Supervisors edit inquiry categories. An inquiry keeps the category as it was when sent (name,
-- notices, fields): later edits, renames and retirements never change how it reads.
ALTER TABLE inquiries ADD COLUMN category_snapshot TEXT;
UPDATE inquiries SET category_snapshot = (SELECT c.definition FROM inquiry_categories c WHERE c.id = inquiries.category_id);

-- Category edits are audited: the action list gains 'category_save'.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN (
    'login', 'login_failed', 'reply', 'status', 'assign', 'note', 'view_inquiry', 'view_transcript',
    'export', 'staff_invite', 'staff_role', 'staff_deactivate', 'staff_reactivate', 'closure_add',
    'closure_remove', 'idea_decision', 'article_save', 'member_withdraw', 'category_save'));
