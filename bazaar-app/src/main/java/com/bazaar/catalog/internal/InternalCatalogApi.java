package com.bazaar.catalog.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.Category;
import com.bazaar.catalog.ItemDetail;
import com.bazaar.catalog.ItemDraft;
import com.bazaar.catalog.ItemOrder;
import com.bazaar.catalog.ItemSummary;
import com.bazaar.catalog.PricedItem;
import com.bazaar.catalog.PriceRange;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.services.ConditionalOnDeploymentRole;
import com.bazaar.platform.services.Deployment.Role;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The catalog role serves its module API to the other services: one endpoint per call of
 * {@link Catalog} that they make, answered by the local catalog, errors as the public API
 * answers them (an unknown item 404, invalid input 400 naming the field, out of stock 409), so
 * {@link RemoteCatalog} can raise the same exceptions. Only on the internal port
 * (platform.services.ServicesAccess); not part of the public API (docs/services.md, Contracts).
 */
@Hidden
@RestController
@ConditionalOnDeploymentRole(Role.CATALOG)
class InternalCatalogApi {
  static final String ROOT = "/internal/catalog";

  private final CatalogService catalog;

  InternalCatalogApi(CatalogService catalog) {
    this.catalog = catalog;
  }

  @GetMapping(ROOT + "/categories")
  List<Category> categories() {
    return catalog.categories();
  }

  @GetMapping(ROOT + "/items/{id}")
  ItemDetail item(@PathVariable long id) {
    return catalog.item(ItemId.of(id));
  }

  @GetMapping(ROOT + "/items")
  Page<ItemSummary> items(
      @RequestParam(required = false) @Nullable Long categoryId,
      @RequestParam long minPrice,
      @RequestParam long maxPrice,
      @RequestParam ItemOrder order,
      @RequestParam int page,
      @RequestParam int size) {
    return catalog.items(Optional.ofNullable(categoryId), new PriceRange(minPrice, maxPrice), order,
        new PageSpec(page, size));
  }

  @PostMapping(ROOT + "/arrangement")
  List<Long> arrange(@RequestBody Arrangement arrangement) {
    return catalog.arrange(typed(arrangement.itemIds()), new PriceRange(arrangement.minPrice(), arrangement.maxPrice()),
        arrangement.order()).stream().map(ItemId::value).toList();
  }

  @PostMapping(ROOT + "/summaries")
  List<ItemSummary> summaries(@RequestBody List<Long> itemIds) {
    return catalog.summaries(typed(itemIds));
  }

  @PostMapping(ROOT + "/priced")
  List<PricedItem> priced(@RequestBody List<Long> itemIds) {
    return catalog.priced(typed(itemIds));
  }

  /** A page of {@link Catalog#forEachItem}: the items after this id, by id. */
  @GetMapping(ROOT + "/details")
  List<ItemDetail> details(@RequestParam long after, @RequestParam int size) {
    return catalog.detailsAfter(after, Math.min(size, CatalogService.VISIT_PAGE));
  }

  @GetMapping(ROOT + "/images/{name}")
  ResponseEntity<byte[]> image(@PathVariable String name) {
    return catalog.image(name)
        .map(image -> ResponseEntity.ok().contentType(MediaType.parseMediaType(image.mediaType())).body(image.bytes()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @PostMapping(ROOT + "/items")
  ItemDetail create(@RequestBody ItemDraft draft) {
    return catalog.create(draft);
  }

  @PutMapping(ROOT + "/items/{id}")
  ItemDetail update(@PathVariable long id, @RequestBody ItemDraft draft) {
    return catalog.update(ItemId.of(id), draft);
  }

  @PostMapping(ROOT + "/items/{id}/stock")
  ItemDetail adjustStock(@PathVariable long id, @RequestParam long delta) {
    return catalog.adjustStock(ItemId.of(id), delta);
  }

  @PutMapping(ROOT + "/items/{id}/image")
  ItemDetail attachImage(@PathVariable long id, @RequestPart("image") MultipartFile image) throws IOException {
    return catalog.attachImage(ItemId.of(id), image.getBytes());
  }

  /** The wire keeps ids as bare numbers; the module API takes them typed. */
  private static List<ItemId> typed(List<Long> itemIds) {
    return itemIds.stream().map(ItemId::of).toList();
  }

  /** {@link Catalog#arrange}'s arguments in one body. */
  record Arrangement(List<Long> itemIds, long minPrice, long maxPrice, ItemOrder order) {}
}
