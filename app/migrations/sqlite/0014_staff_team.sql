-- Staff roles. Agents answer inquiries and chats and edit help articles and ideas; supervisors
-- also manage staff, closure days, categories, run-time settings, the audit log and exports.
-- Staff made before roles existed could do everything, so they become supervisors.
ALTER TABLE users ADD COLUMN staff_role TEXT CHECK (staff_role IN ('agent', 'supervisor'));
UPDATE users SET staff_role = 'supervisor' WHERE role = 'staff';
-- A deactivated staff account cannot log in; it stays for the records (replies, audit rows).
ALTER TABLE users ADD COLUMN deactivated_at BIGINT;

-- One row that every change of a staff member's role or activity locks first (UPDATE ... SET
-- changes = changes + 1). The change that follows checks "another active supervisor remains" in
-- the same statement; with the lock held, two supervisors demoting each other at once run one
-- after the other on both backends, so the team never ends up without a supervisor.
CREATE TABLE staff_team (
    id      BIGINT PRIMARY KEY CHECK (id = 1),
    changes BIGINT NOT NULL DEFAULT 0
);
INSERT INTO staff_team (id, changes) VALUES (1, 0);

-- An invitation to join the staff: one open invitation per address (inviting again replaces the
-- link), single-use (spent by the one UPDATE that sets accepted_at), expiring, SHA-256 only.
CREATE TABLE staff_invitations (
    email       TEXT   PRIMARY KEY,
    staff_role  TEXT   NOT NULL CHECK (staff_role IN ('agent', 'supervisor')),
    token_hash  TEXT   NOT NULL UNIQUE,
    invited_by  BIGINT NOT NULL REFERENCES users (id),
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    accepted_at BIGINT
);
