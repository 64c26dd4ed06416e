package com.bazaar.inventory;

/** The inventory contract on the embedded default's H2. */
class InventoryOnH2Test extends InventoryContractTest {}
