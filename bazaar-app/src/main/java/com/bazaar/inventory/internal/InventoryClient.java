package com.bazaar.inventory.internal;

import com.bazaar.inventory.StockCount;
import com.bazaar.inventory.StockLevel;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * The inventory's module API on the wire (docs/services.md, Contracts), as the catalog role calls
 * it: an HTTP service client in the group {@code inventory} ({@code lb://web}: the web role runs
 * the inventory beside the orders that take its stock), served by {@link InternalInventoryApi}.
 * Ids are bare numbers, as on the public API. The one declaration of each endpoint: the server
 * implements this interface.
 */
@HttpExchange(InternalInventoryApi.ROOT)
interface InventoryClient {

  /** Starting stock of new items, by item id; refused whole if any item is already stocked. */
  @PostExchange("/stock")
  void stockNewItems(@RequestBody Map<Long, Long> quantities);

  @GetExchange("/stock/{itemId}")
  long available(@PathVariable long itemId);

  /** A read, sent as POST only because the ids may not fit a URL. */
  @PostExchange("/available")
  Map<Long, Long> available(@RequestBody List<Long> itemIds);

  @GetExchange("/lowest")
  List<StockLevel> lowest(@RequestParam long atMost, @RequestParam int limit);

  @PostExchange("/stock/{itemId}/adjustment")
  long adjust(@PathVariable long itemId, @RequestParam long delta);

  @PutExchange("/stock/{itemId}")
  void set(@PathVariable long itemId, @RequestParam long quantity);

  @GetExchange("/counts")
  List<StockCount> counts();
}
