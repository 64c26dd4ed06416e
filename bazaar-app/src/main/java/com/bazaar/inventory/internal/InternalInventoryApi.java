package com.bazaar.inventory.internal;

import com.bazaar.inventory.Inventory;
import com.bazaar.inventory.StockCount;
import com.bazaar.inventory.StockLevel;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.services.ConditionalOnDeploymentRole;
import com.bazaar.platform.services.Deployment.Role;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web role serves the inventory's module API to the catalog role, which shows each item with
 * its stock and sets the stock of the items it creates: answered by the local inventory, errors
 * as the public API answers them (no stock record 404, below zero 409, invalid 400), so {@link
 * RemoteInventory} raises the same exceptions. Only on the internal port
 * (platform.services.ServicesAccess). The endpoints are declared once, on {@link InventoryClient}.
 */
@Hidden
@RestController
@ConditionalOnDeploymentRole(Role.WEB)
class InternalInventoryApi implements InventoryClient {
  static final String ROOT = "/internal/inventory";

  private final Inventory inventory;

  InternalInventoryApi(Inventory inventory) {
    this.inventory = inventory;
  }

  @Override
  public void stockNewItems(Map<Long, Long> quantities) {
    Map<ItemId, Long> typed = new LinkedHashMap<>();
    quantities.forEach((itemId, quantity) -> typed.put(ItemId.of(itemId), quantity));
    inventory.stockNewItems(typed);
  }

  @Override
  public long available(long itemId) {
    return inventory.available(ItemId.of(itemId));
  }

  @Override
  public Map<Long, Long> available(List<Long> itemIds) {
    Map<Long, Long> bare = new LinkedHashMap<>();
    inventory.available(itemIds.stream().map(ItemId::of).toList())
        .forEach((itemId, available) -> bare.put(itemId.value(), available));
    return bare;
  }

  @Override
  public List<StockLevel> lowest(long atMost, int limit) {
    return inventory.lowest(atMost, limit);
  }

  @Override
  public long adjust(long itemId, long delta) {
    return inventory.adjust(ItemId.of(itemId), delta);
  }

  @Override
  public void set(long itemId, long quantity) {
    inventory.set(ItemId.of(itemId), quantity);
  }

  @Override
  public List<StockCount> counts() {
    return inventory.counts();
  }
}
