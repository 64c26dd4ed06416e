-- Issue 13: each shopper's address book (user/internal/AddressBookService). A shopper keeps up
-- to 20 addresses, at most one of them the default; an order keeps its own copy of the address it
-- ships to (V18), so editing or deleting one here never changes a placed order.
CREATE TABLE addresses (
  id          BIGINT       NOT NULL PRIMARY KEY,
  user_id     BIGINT       NOT NULL,
  recipient   VARCHAR(50)  NOT NULL,
  phone       VARCHAR(20)  NOT NULL,
  region      VARCHAR(50)  NOT NULL,
  city        VARCHAR(50)  NOT NULL,
  line        VARCHAR(200) NOT NULL,
  postcode    VARCHAR(10)  NOT NULL,
  is_default  BOOLEAN      DEFAULT FALSE NOT NULL,
  created_at  DATETIME(6)  NOT NULL
);
CREATE INDEX ix_addresses_user ON addresses (user_id, id);
