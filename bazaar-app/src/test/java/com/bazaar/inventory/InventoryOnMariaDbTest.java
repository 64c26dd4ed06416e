package com.bazaar.inventory;

import com.bazaar.support.RealEngines;
import org.springframework.test.context.ActiveProfiles;

/** The inventory contract on the machine's MariaDB: real row locks, real concurrency. */
@RealEngines
@ActiveProfiles("mariadb")
class InventoryOnMariaDbTest extends InventoryContractTest {}
