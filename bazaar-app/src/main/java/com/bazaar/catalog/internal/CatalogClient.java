package com.bazaar.catalog.internal;

import com.bazaar.catalog.Category;
import com.bazaar.catalog.ItemDetail;
import com.bazaar.catalog.ItemDraft;
import com.bazaar.catalog.ItemOrder;
import com.bazaar.catalog.ItemSummary;
import com.bazaar.catalog.PricedItem;
import com.bazaar.platform.Page;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * The catalog's module API on the wire (docs/services.md, Contracts): an HTTP service client of
 * Spring Framework 7, proxied in the group {@code catalog} whose base URL is
 * {@code lb://catalog}, served by {@link InternalCatalogApi} on the catalog role's internal port.
 * {@link RemoteCatalog} adapts it to {@link com.bazaar.catalog.Catalog}.
 *
 * <p>The one declaration of each endpoint: {@link InternalCatalogApi} implements this interface
 * and Spring MVC maps it from these annotations, parameters included.
 */
@HttpExchange(InternalCatalogApi.ROOT)
interface CatalogClient {

  @GetExchange("/categories")
  List<Category> categories();

  @GetExchange("/items/{id}")
  ItemDetail item(@PathVariable long id);

  @GetExchange("/items")
  Page<ItemSummary> items(
      @RequestParam(required = false) @Nullable Long categoryId,
      @RequestParam long minPrice,
      @RequestParam long maxPrice,
      @RequestParam ItemOrder order,
      @RequestParam int page,
      @RequestParam int size);

  /** A read, sent as POST only because the ids may not fit a URL. */
  @PostExchange("/arrangement")
  List<Long> arrange(@RequestBody InternalCatalogApi.Arrangement arrangement);

  /** A read, sent as POST only because the ids may not fit a URL. */
  @PostExchange("/summaries")
  List<ItemSummary> summaries(@RequestBody List<Long> itemIds);

  @PostExchange("/priced")
  List<PricedItem> priced(@RequestBody List<Long> itemIds);

  @GetExchange("/details")
  List<ItemDetail> details(@RequestParam long after, @RequestParam int size);

  @GetExchange("/images/{name}")
  ResponseEntity<byte[]> image(@PathVariable String name);

  @PostExchange("/items")
  ItemDetail create(@RequestBody ItemDraft draft);

  @PutExchange("/items/{id}")
  ItemDetail update(@PathVariable long id, @RequestBody ItemDraft draft);

  @PostExchange("/items/{id}/stock")
  ItemDetail adjustStock(@PathVariable long id, @RequestParam long delta);

  /**
   * Not required on the wire: Spring MVC reads an empty part as no part at all, and an empty
   * picture must reach the catalog, whose rule refuses it ({@code refusal.image.empty}) as it
   * does in one process, not be refused by the framework with a text no caller can translate.
   */
  @PutExchange("/items/{id}/image")
  ItemDetail attachImage(@PathVariable long id, @RequestPart(name = "image", required = false) @Nullable Resource image);
}
