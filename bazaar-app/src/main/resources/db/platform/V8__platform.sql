-- platform module. (The event publication registry's own table, event_publication, is created
-- by Spring Modulith: spring.modulith.events.jdbc.schema-initialization.)

-- Snowflake worker ids leased from the database, so two live nodes never share one. A holder
-- issues ids only with timestamps before its expires_at; whoever takes the worker id over later
-- starts its ids after that instant. Rows are reused, never deleted.
CREATE TABLE worker_id_leases (
  worker_id  INT         NOT NULL PRIMARY KEY,
  owner      VARCHAR(80) NOT NULL,
  expires_at BIGINT      NOT NULL
);

-- Idempotent consumers: one row per message a consumer applied, written in the same
-- transaction as the effect.
CREATE TABLE processed_messages (
  consumer     VARCHAR(100) NOT NULL,
  message_id   VARCHAR(200) NOT NULL,
  processed_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (consumer, message_id)
);
