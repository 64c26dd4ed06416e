-- order module: bin/migrate's plan, old order id -> new order id (ShardMigration), so a rerun
-- after a crash makes the same choices. Empty on a node that was never migrated into. IF NOT
-- EXISTS: before this script the migration command made the table itself, so a database it
-- migrated into has it already.
CREATE TABLE IF NOT EXISTS order_id_map (
  old_id BIGINT NOT NULL PRIMARY KEY,
  new_id BIGINT NOT NULL
);
