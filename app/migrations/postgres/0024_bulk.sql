-- Acting on many (issue #23): a priority per inquiry, set one by one or in bulk.
ALTER TABLE inquiries ADD COLUMN priority TEXT NOT NULL DEFAULT 'normal'
    CHECK (priority IN ('low', 'normal', 'high', 'urgent'));

-- Setting a priority is audited.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN (
    'login', 'login_failed', 'reply', 'status', 'assign', 'note', 'view_inquiry', 'view_transcript',
    'export', 'staff_invite', 'staff_role', 'staff_deactivate', 'staff_reactivate', 'closure_add',
    'closure_remove', 'idea_decision', 'article_save', 'member_withdraw', 'category_save',
    'mail_attach', 'mail_discard', 'view_member', 'rules_save', 'priority'));
