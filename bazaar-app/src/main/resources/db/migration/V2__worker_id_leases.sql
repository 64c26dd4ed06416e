-- Stage 10: Snowflake worker ids leased from the database, so two live nodes never share
-- one. A holder issues ids only with timestamps before its expires_at; whoever takes the
-- worker id over later starts its ids after that instant. Rows are reused, never deleted.
CREATE TABLE worker_id_leases (
  worker_id  INT         NOT NULL PRIMARY KEY,
  owner      VARCHAR(80) NOT NULL,
  expires_at BIGINT      NOT NULL
);
