-- catalog module: categories and items. No foreign key leaves a module (the catalog may live in
-- its own database). Instants are stored as UTC in DATETIME(6) columns.
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
