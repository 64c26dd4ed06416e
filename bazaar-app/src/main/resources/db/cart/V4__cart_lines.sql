-- cart module: a shopper's cart.
CREATE TABLE cart_lines (
  user_id  BIGINT      NOT NULL,
  item_id  BIGINT      NOT NULL,
  quantity INT         NOT NULL,
  added_at DATETIME(6) NOT NULL,
  PRIMARY KEY (user_id, item_id)
);
