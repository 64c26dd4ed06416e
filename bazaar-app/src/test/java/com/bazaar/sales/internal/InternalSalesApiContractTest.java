package com.bazaar.sales.internal;

import static org.mockito.Mockito.mock;

import com.bazaar.catalog.SalesCounts;
import com.bazaar.support.InternalApiContract;
import org.junit.jupiter.api.Test;

/** The web role's sales counts controller is mapped from {@link SalesCountsClient} alone (support.InternalApiContract). */
class InternalSalesApiContractTest {

  @Test
  void theControllerServesTheClientsCallsAndDeclaresNoEndpointOfItsOwn() {
    InternalApiContract.assertOneContract(SalesCountsClient.class, new InternalSalesApi(mock(SalesCounts.class)),
        InternalSalesApi.ROOT);
  }
}
