-- Rate limits: one counter row per key and window, taken with a single upsert (see
-- infra/rate_limit.rs). Replaces the event log, whose count-then-insert let parallel requests by.
DROP TABLE rate_events;
CREATE TABLE rate_counters (
    throttle_key TEXT   PRIMARY KEY,
    window_end   BIGINT NOT NULL,
    hits         BIGINT NOT NULL CHECK (hits >= 1)
);
CREATE INDEX rate_counters_window_end ON rate_counters (window_end);

-- One waiting or active chat per member, enforced by the database. Older duplicates (possible
-- before this index) are closed first so the index can be built.
UPDATE chat_sessions SET status = 'left', ended_at = enqueued_at, ended_by = 'system'
 WHERE status IN ('waiting', 'active')
   AND id NOT IN (SELECT MAX(id) FROM chat_sessions WHERE status IN ('waiting', 'active') GROUP BY member_id);
CREATE UNIQUE INDEX chat_sessions_one_open ON chat_sessions (member_id) WHERE status IN ('waiting', 'active');

CREATE INDEX sessions_expires ON sessions (expires_at);
CREATE INDEX outbox_sent ON outbox (status, sent_at);
