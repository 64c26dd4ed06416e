-- The user domain's own database (stage 8, vertical split; see docs/data-tier.md). Same
-- table as in db/migration/V1__schema.sql, which the single-database layout keeps using.
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
