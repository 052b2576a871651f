-- The survey also follows an inquiry that staff close with their reply: the reply mail links to
-- the same 1–5 survey, answerable by the inquiry's member for 7 days after closed_at, one answer
-- per inquiry (the primary key), final once a comment is left.
ALTER TABLE inquiries ADD COLUMN closed_at BIGINT;
CREATE TABLE inquiry_surveys (
    inquiry_id BIGINT  PRIMARY KEY REFERENCES inquiries (id),
    member_id  BIGINT  NOT NULL REFERENCES users (id),
    score      BIGINT  NOT NULL CHECK (score BETWEEN 1 AND 5),
    resolved   BIGINT  NOT NULL CHECK (resolved IN (0, 1)),
    comment    TEXT,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL
);
