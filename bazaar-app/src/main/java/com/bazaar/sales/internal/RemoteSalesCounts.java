package com.bazaar.sales.internal;

import static com.bazaar.platform.services.RemoteRefusals.answered;

import com.bazaar.catalog.SalesCounts;
import com.bazaar.platform.services.ConditionalOnDeploymentRole;
import com.bazaar.platform.services.Deployment.Role;
import com.bazaar.platform.services.RemoteCalls;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * {@link SalesCounts} on the catalog role, which counts no sales of its own: a read of the role
 * that does ({@link SalesCountsClient}), through {@link RemoteCalls} (retried, a breaker, 503
 * when it is down).
 */
@Component
@ConditionalOnDeploymentRole(Role.CATALOG)
final class RemoteSalesCounts implements SalesCounts {
  static final String SERVICE = "sales";

  private final SalesCountsClient client;
  private final RemoteCalls calls;

  RemoteSalesCounts(SalesCountsClient client, RemoteCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  @Override
  public Map<Long, Long> sold(Collection<Long> itemIds) {
    if (itemIds.isEmpty()) {
      return Map.of();
    }
    List<Long> ids = List.copyOf(itemIds);
    return calls.read(SERVICE, () -> answered(() -> client.sold(ids)));
  }

  /** The client group {@code sales}: base URL and timeouts in {@code spring.http.serviceclient.sales.*}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnDeploymentRole(Role.CATALOG)
  @ImportHttpServices(group = SERVICE, types = SalesCountsClient.class)
  static class Group {}
}
