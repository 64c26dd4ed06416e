package com.bazaar.catalog.internal;

import static org.mockito.Mockito.mock;

import com.bazaar.support.InternalApiContract;
import org.junit.jupiter.api.Test;

/** The catalog role's controller is mapped from {@link CatalogClient} alone (support.InternalApiContract). */
class InternalCatalogApiContractTest {

  @Test
  void theControllerServesTheClientsCallsAndDeclaresNoEndpointOfItsOwn() {
    InternalApiContract.assertOneContract(CatalogClient.class, new InternalCatalogApi(mock(CatalogService.class)),
        InternalCatalogApi.ROOT);
  }
}
