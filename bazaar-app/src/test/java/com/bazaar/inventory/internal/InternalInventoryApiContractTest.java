package com.bazaar.inventory.internal;

import static org.mockito.Mockito.mock;

import com.bazaar.inventory.Inventory;
import com.bazaar.support.InternalApiContract;
import org.junit.jupiter.api.Test;

/** The web role's inventory controller is mapped from {@link InventoryClient} alone (support.InternalApiContract). */
class InternalInventoryApiContractTest {

  @Test
  void theControllerServesTheClientsCallsAndDeclaresNoEndpointOfItsOwn() {
    InternalApiContract.assertOneContract(InventoryClient.class, new InternalInventoryApi(mock(Inventory.class)),
        InternalInventoryApi.ROOT);
  }
}
