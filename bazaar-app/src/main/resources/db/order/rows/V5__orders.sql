-- order module, the order rows: the tables that the sharded layout spreads over the shards.
-- ${suffix} is empty in the single database and _0, _1, ... for each physical table of a shard
-- database (docs/sharding.md); every migration here names its tables and indexes with it, so
-- one change reaches the single database and every shard table alike.
CREATE TABLE orders${suffix} (
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
CREATE INDEX ix_orders${suffix}_buyer ON orders${suffix} (buyer_id, id);
CREATE INDEX ix_orders${suffix}_status_deadline ON orders${suffix} (status, payment_deadline);

CREATE TABLE order_lines${suffix} (
  order_id     BIGINT       NOT NULL,
  line_no      INT          NOT NULL,
  item_id      BIGINT       NOT NULL,
  title        VARCHAR(200) NOT NULL,
  price_amount BIGINT       NOT NULL,
  quantity     INT          NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
