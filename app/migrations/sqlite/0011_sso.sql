-- Sign-in from the parent site. `sso_subject` is the parent's member id (the token's `sub`),
-- linked on first use; UNIQUE keeps one account per parent member (NULLs, the local-only
-- accounts, do not collide).
ALTER TABLE users ADD COLUMN sso_subject TEXT;
CREATE UNIQUE INDEX users_sso_subject ON users (sso_subject);

-- Hand-off tokens already used, by `jti`, until they expire: inserting a used one again fails
-- on the primary key, which is the replay check (atomic, also across instances).
CREATE TABLE sso_jtis (
    jti        TEXT   PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sso_jtis_expires ON sso_jtis (expires_at);
