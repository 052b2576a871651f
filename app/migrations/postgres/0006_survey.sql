CREATE TABLE chat_surveys (
    session_id BIGINT  PRIMARY KEY REFERENCES chat_sessions (id),
    member_id  BIGINT  NOT NULL REFERENCES users (id),
    score      BIGINT  NOT NULL CHECK (score BETWEEN 1 AND 5),
    resolved   BIGINT  NOT NULL,
    comment    TEXT,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL
);
