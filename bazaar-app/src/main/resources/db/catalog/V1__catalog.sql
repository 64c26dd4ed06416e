-- The catalog domain's own database (stage 8, vertical split; see docs/data-tier.md). Same
-- tables as in db/migration/V1__schema.sql, which the single-database layout keeps using.
CREATE TABLE categories (
  id         BIGINT       NOT NULL PRIMARY KEY,
  name       VARCHAR(100) NOT NULL,
  parent_id  BIGINT       NULL,
  sort_order INT          NOT NULL
);

CREATE TABLE items (
  id             BIGINT        NOT NULL PRIMARY KEY,
  title          VARCHAR(200)  NOT NULL,
  description    VARCHAR(4000) NOT NULL,
  price_amount   BIGINT        NOT NULL,
  price_currency CHAR(3)       NOT NULL,
  category_id    BIGINT        NOT NULL,
  created_at     DATETIME(6)   NOT NULL,
  updated_at     DATETIME(6)   NOT NULL
);
CREATE INDEX ix_items_category ON items (category_id, id);
