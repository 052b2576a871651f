CREATE TABLE faq_categories (
    id       TEXT   PRIMARY KEY,
    name_ja  TEXT   NOT NULL,
    name_en  TEXT   NOT NULL,
    position BIGINT NOT NULL
);

CREATE TABLE faq_articles (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    category_id TEXT    NOT NULL REFERENCES faq_categories (id),
    title_ja    TEXT    NOT NULL,
    title_en    TEXT    NOT NULL,
    body_ja     TEXT    NOT NULL,   -- Markdown
    body_en     TEXT    NOT NULL,
    -- Normalized copies for search (see app/src/faq/normalize.rs): both languages together.
    search_title TEXT   NOT NULL,
    search_body  TEXT   NOT NULL,
    published   BIGINT  NOT NULL DEFAULT 0,
    position    BIGINT  NOT NULL DEFAULT 0,
    views       BIGINT  NOT NULL DEFAULT 0,
    updated_at  BIGINT  NOT NULL
);
CREATE INDEX faq_articles_list ON faq_articles (published, category_id, position);

CREATE TABLE faq_votes (
    article_id BIGINT NOT NULL REFERENCES faq_articles (id) ON DELETE CASCADE,
    member_id  BIGINT NOT NULL REFERENCES users (id),
    helpful    BIGINT NOT NULL,
    voted_at   BIGINT NOT NULL,
    PRIMARY KEY (article_id, member_id)
);

CREATE TABLE faq_suggestion_clicks (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id BIGINT NOT NULL REFERENCES faq_articles (id) ON DELETE CASCADE,
    member_id  BIGINT NOT NULL REFERENCES users (id),
    source     TEXT   NOT NULL,
    clicked_at BIGINT NOT NULL
);
CREATE INDEX faq_suggestion_clicks_article ON faq_suggestion_clicks (article_id);
