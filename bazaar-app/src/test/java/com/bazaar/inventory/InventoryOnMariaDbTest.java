package com.bazaar.inventory;

import org.springframework.test.context.ActiveProfiles;

/** The inventory contract on the machine's MariaDB: real row locks, real concurrency. */
@ActiveProfiles("mariadb")
class InventoryOnMariaDbTest extends InventoryContractTest {}
