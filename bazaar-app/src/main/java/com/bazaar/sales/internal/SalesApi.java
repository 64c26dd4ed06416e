package com.bazaar.sales.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.platform.id.ItemId;
import com.bazaar.sales.ItemSales;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Units sold of an item (docs/API.md, Bazaar's extensions); an unknown item answers 404. */
@RestController
class SalesApi {
  private final ItemSales sales;
  private final Catalog catalog;

  SalesApi(ItemSales sales, Catalog catalog) {
    this.sales = sales;
    this.catalog = catalog;
  }

  @Operation(summary = "Units of the item sold in paid orders")
  @GetMapping("/api/items/{itemId}/sales")
  ItemSalesView sales(@PathVariable long itemId) {
    ItemId item = ItemId.of(itemId);
    catalog.item(item);
    return new ItemSalesView(Long.toString(itemId), sales.sold(item));
  }

  record ItemSalesView(String itemId, long sold) {}
}
