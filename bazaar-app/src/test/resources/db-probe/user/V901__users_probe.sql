-- NewMigrationReachesEveryLayoutTest: a change to the users table.
ALTER TABLE users ADD COLUMN probe VARCHAR(20) NULL;
