-- One schema for H2 (MySQL mode) and MariaDB. Tables are grouped by the domain that owns
-- them (user, catalog, trade); no foreign key crosses a domain, so each group can move to
-- its own database (stage 8) and orders can be sharded (stage 9) without rewriting SQL.
-- Instants are stored as UTC in DATETIME(6) columns.

-- user domain
CREATE TABLE users (
  id            BIGINT       NOT NULL PRIMARY KEY,
  username      VARCHAR(64)  NOT NULL,
  username_key  VARCHAR(64)  NOT NULL,
  email         VARCHAR(254) NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  roles         VARCHAR(100) NOT NULL,
  created_at    DATETIME(6)  NOT NULL,
  CONSTRAINT uk_users_username_key UNIQUE (username_key)
);

-- catalog domain
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

-- trade domain: inventory, carts, orders, payments
CREATE TABLE stock (
  item_id    BIGINT      NOT NULL PRIMARY KEY,
  available  BIGINT      NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  CONSTRAINT ck_stock_never_negative CHECK (available >= 0)
);

CREATE TABLE cart_lines (
  user_id  BIGINT      NOT NULL,
  item_id  BIGINT      NOT NULL,
  quantity INT         NOT NULL,
  added_at DATETIME(6) NOT NULL,
  PRIMARY KEY (user_id, item_id)
);

CREATE TABLE orders (
  id               BIGINT      NOT NULL PRIMARY KEY,
  buyer_id         BIGINT      NOT NULL,
  status           VARCHAR(20) NOT NULL,
  total_amount     BIGINT      NOT NULL,
  currency         CHAR(3)     NOT NULL,
  created_at       DATETIME(6) NOT NULL,
  payment_deadline DATETIME(6) NOT NULL,
  paid_at          DATETIME(6) NULL,
  cancelled_at     DATETIME(6) NULL
);
CREATE INDEX ix_orders_buyer ON orders (buyer_id, id);
CREATE INDEX ix_orders_status_deadline ON orders (status, payment_deadline);

CREATE TABLE order_lines (
  order_id     BIGINT       NOT NULL,
  line_no      INT          NOT NULL,
  item_id      BIGINT       NOT NULL,
  title        VARCHAR(200) NOT NULL,
  price_amount BIGINT       NOT NULL,
  quantity     INT          NOT NULL,
  PRIMARY KEY (order_id, line_no)
);

CREATE TABLE idempotency_keys (
  user_id      BIGINT       NOT NULL,
  scope        VARCHAR(40)  NOT NULL,
  idem_key     VARCHAR(100) NOT NULL,
  request_hash VARCHAR(64)  NOT NULL,
  resource_id  BIGINT       NOT NULL,
  created_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (user_id, scope, idem_key)
);

CREATE TABLE payments (
  id                 BIGINT       NOT NULL PRIMARY KEY,
  order_id           BIGINT       NOT NULL,
  buyer_id           BIGINT       NOT NULL,
  amount             BIGINT       NOT NULL,
  currency           CHAR(3)      NOT NULL,
  provider_reference VARCHAR(100) NOT NULL,
  created_at         DATETIME(6)  NOT NULL,
  CONSTRAINT uk_payments_order UNIQUE (order_id)
);
