package com.bazaar.sales.internal;

import com.bazaar.catalog.SalesCounts;
import com.bazaar.platform.services.ConditionalOnDeploymentRole;
import com.bazaar.platform.services.Deployment.Role;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.RestController;

/** The web role serves the sales counts to the catalog role, only on the internal port (docs/services.md, Contracts). */
@Hidden
@RestController
@ConditionalOnDeploymentRole(Role.WEB)
class InternalSalesApi implements SalesCountsClient {
  static final String ROOT = "/internal/sales";

  private final SalesCounts counts;

  InternalSalesApi(SalesCounts counts) {
    this.counts = counts;
  }

  @Override
  public Map<Long, Long> sold(List<Long> itemIds) {
    return counts.sold(itemIds);
  }
}
