-- NewMigrationReachesEveryLayoutTest: a change to the order rows, wherever they live (${suffix}).
ALTER TABLE orders${suffix} ADD COLUMN probe VARCHAR(20) NULL;
