package com.bazaar.inventory.internal;

import static com.bazaar.platform.services.RemoteRefusals.answered;

import com.bazaar.inventory.AlreadyStocked;
import com.bazaar.inventory.Inventory;
import com.bazaar.inventory.OutOfStock;
import com.bazaar.inventory.StockCount;
import com.bazaar.inventory.StockLevel;
import com.bazaar.inventory.StockLine;
import com.bazaar.inventory.StockNotFound;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.services.ConditionalOnDeploymentRole;
import com.bazaar.platform.services.Deployment.Role;
import com.bazaar.platform.services.RemoteCalls;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * {@link Inventory} on the catalog role, which runs no inventory of its own: every call goes to
 * an instance of the role that does ({@link InventoryClient}, group {@code inventory}) through
 * {@link RemoteCalls}: reads retried on another instance, writes tried once, a circuit breaker,
 * 503 when it is down. Its answers become the exceptions the local inventory throws.
 *
 * <p>{@link #reserve} and {@link #release} run inside the caller's transaction on the stock's own
 * database, so they have no remote form: only the role that places orders takes stock.
 */
@Component
@ConditionalOnDeploymentRole(Role.CATALOG)
final class RemoteInventory implements Inventory {
  static final String SERVICE = "inventory";

  private final InventoryClient client;
  private final RemoteCalls calls;

  RemoteInventory(InventoryClient client, RemoteCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  @Override
  public void stockNewItem(ItemId itemId, long quantity) {
    stockNewItems(Map.of(itemId, quantity));
  }

  @Override
  public void stockNewItems(Map<ItemId, Long> quantities) {
    Map<Long, Long> bare = new LinkedHashMap<>();
    quantities.forEach((itemId, quantity) -> bare.put(itemId.value(), quantity));
    calls.write(SERVICE, () -> answered(() -> {
      try {
        client.stockNewItems(bare);
      } catch (HttpClientErrorException.Conflict stocked) {
        // The conflict's problem names no item in a form to read back: the batch's first stands for it.
        throw new AlreadyStocked(ItemId.of(bare.keySet().iterator().next()));
      }
      return null;
    }));
  }

  @Override
  public long available(ItemId itemId) {
    return calls.read(SERVICE, () -> answered(() -> client.available(itemId.value())));
  }

  @Override
  public Map<ItemId, Long> available(Collection<ItemId> itemIds) {
    if (itemIds.isEmpty()) {
      return Map.of();
    }
    List<Long> bare = itemIds.stream().map(ItemId::value).toList();
    Map<ItemId, Long> typed = new LinkedHashMap<>();
    calls.read(SERVICE, () -> answered(() -> client.available(bare)))
        .forEach((itemId, available) -> typed.put(ItemId.of(itemId), available));
    return typed;
  }

  @Override
  public List<StockLevel> lowest(long atMost, int limit) {
    return calls.read(SERVICE, () -> answered(() -> client.lowest(atMost, limit)));
  }

  @Override
  public void reserve(List<StockLine> lines) {
    throw new UnsupportedOperationException("stock is taken in the orders' transaction, by the role that runs the inventory");
  }

  @Override
  public void release(List<StockLine> lines) {
    throw new UnsupportedOperationException("stock is given back in the orders' transaction, by the role that runs the inventory");
  }

  @Override
  public long adjust(ItemId itemId, long delta) {
    return calls.write(SERVICE, () -> about(itemId, () -> client.adjust(itemId.value(), delta)));
  }

  @Override
  public void set(ItemId itemId, long quantity) {
    calls.write(SERVICE, () -> about(itemId, () -> {
      client.set(itemId.value(), quantity);
      return null;
    }));
  }

  @Override
  public List<StockCount> counts() {
    return calls.read(SERVICE, () -> answered(client::counts));
  }

  /** A call about one item's stock: its 404 is that item's {@link StockNotFound}, its 409 its {@link OutOfStock}. */
  private static <T> T about(ItemId itemId, Supplier<T> call) {
    try {
      return answered(call);
    } catch (HttpClientErrorException.NotFound absent) {
      throw new StockNotFound(itemId);
    } catch (HttpClientErrorException.Conflict conflict) {
      throw new OutOfStock(itemId);
    }
  }

  /**
   * The client group {@code inventory}: its base URL ({@code lb://web}, the role that runs the
   * inventory) and timeouts in {@code spring.http.serviceclient.inventory.*} (application-services.yaml).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnDeploymentRole(Role.CATALOG)
  @ImportHttpServices(group = SERVICE, types = InventoryClient.class)
  static class Group {}
}
