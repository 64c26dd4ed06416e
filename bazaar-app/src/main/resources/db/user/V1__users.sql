-- user module. Migration versions are one sequence over all modules (docs/architecture.md,
-- "Data layout"): a new migration anywhere takes the next free number. V1-V11 are the schema
-- as of issue 12; databases built by the older scripts are baselined at V11.
--
-- usernames are unique regardless of case (username_key) and of look-alike characters: the TR39
-- confusable skeleton of the NFKC case-folded key (UsernameRules). Rows from before the skeleton
-- existed stay NULL until UsernameSkeletons fills them.
CREATE TABLE users (
  id                BIGINT       NOT NULL PRIMARY KEY,
  username          VARCHAR(64)  NOT NULL,
  username_key      VARCHAR(64)  NOT NULL,
  email             VARCHAR(254) NOT NULL,
  password_hash     VARCHAR(100) NOT NULL,
  roles             VARCHAR(100) NOT NULL,
  created_at        DATETIME(6)  NOT NULL,
  username_skeleton VARCHAR(200) NULL,
  CONSTRAINT uk_users_username_key UNIQUE (username_key)
);
CREATE UNIQUE INDEX uk_users_username_skeleton ON users (username_skeleton);
