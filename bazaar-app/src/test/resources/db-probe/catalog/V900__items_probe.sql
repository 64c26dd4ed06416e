-- NewMigrationReachesEveryLayoutTest: a change to the catalog's items, as a later release would make it.
ALTER TABLE items ADD COLUMN probe VARCHAR(20) NULL;
