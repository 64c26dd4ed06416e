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
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.services.ConditionalOnDeploymentRole;
import com.bazaar.platform.services.Deployment.Role;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog role serves its module API to the other services: one endpoint per call of
 * {@link Catalog} that they make, answered by the local catalog, errors as the public API
 * answers them (an unknown item 404, invalid input 400 naming the field, out of stock 409), so
 * {@link RemoteCatalog} can raise the same exceptions. Only on the internal port
 * (platform.services.ServicesAccess); not part of the public API (docs/services.md, Contracts).
 *
 * <p>The endpoints are declared once, on {@link CatalogClient}: Spring MVC maps a controller
 * that implements an {@code @HttpExchange} interface from the interface's {@code @GetExchange}
 * etc., and takes the parameters' {@code @PathVariable}, {@code @RequestParam},
 * {@code @RequestBody} and {@code @RequestPart} from it too (Spring Framework 6.1+). So the
 * client and the server cannot drift apart: a changed path or parameter changes both.
 */
@Hidden
@RestController
@ConditionalOnDeploymentRole(Role.CATALOG)
class InternalCatalogApi implements CatalogClient {
  static final String ROOT = "/internal/catalog";

  private final CatalogService catalog;

  InternalCatalogApi(CatalogService catalog) {
    this.catalog = catalog;
  }

  @Override
  public List<Category> categories() {
    return catalog.categories();
  }

  @Override
  public ItemDetail item(long id) {
    return catalog.item(ItemId.of(id));
  }

  @Override
  public Page<ItemSummary> items(
      @Nullable Long categoryId, long minPrice, long maxPrice, ItemOrder order, int page, int size) {
    return catalog.items(Optional.ofNullable(categoryId).map(CategoryId::of), new PriceRange(minPrice, maxPrice), order,
        new PageSpec(page, size));
  }

  @Override
  public List<Long> arrange(Arrangement arrangement) {
    return catalog.arrange(typed(arrangement.itemIds()), new PriceRange(arrangement.minPrice(), arrangement.maxPrice()),
        arrangement.order()).stream().map(ItemId::value).toList();
  }

  @Override
  public List<ItemSummary> summaries(List<Long> itemIds) {
    return catalog.summaries(typed(itemIds));
  }

  @Override
  public List<PricedItem> priced(List<Long> itemIds) {
    return catalog.priced(typed(itemIds));
  }

  /** A page of {@link Catalog#forEachItem}: the items after this id, by id. */
  @Override
  public List<ItemDetail> details(long after, int size) {
    return catalog.detailsAfter(after, Math.min(size, CatalogService.VISIT_PAGE));
  }

  /** A {@code ResponseEntity} on both sides: the picture's type travels as the answer's Content-Type, its absence as a 404. */
  @Override
  public ResponseEntity<byte[]> image(String name) {
    return catalog.image(name)
        .map(image -> ResponseEntity.ok().contentType(MediaType.parseMediaType(image.mediaType())).body(image.bytes()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @Override
  public ItemDetail create(ItemDraft draft) {
    return catalog.create(draft);
  }

  @Override
  public ItemDetail update(long id, ItemDraft draft) {
    return catalog.update(ItemId.of(id), draft);
  }

  @Override
  public ItemDetail adjustStock(long id, long delta) {
    return catalog.adjustStock(ItemId.of(id), delta);
  }

  /**
   * The multipart part is read as a {@link Resource} on this side too (Spring MVC reads a
   * {@code @RequestPart} of a type other than {@code MultipartFile} with the message converters,
   * here the resource converter), so the one signature fits the client and the server. An empty
   * part arrives as none: an empty picture, which the catalog refuses.
   */
  @Override
  public ItemDetail attachImage(long id, @Nullable Resource image) {
    try {
      return catalog.attachImage(ItemId.of(id), image == null ? new byte[0] : image.getContentAsByteArray());
    } catch (IOException unreadable) {
      throw new UncheckedIOException("the image part could not be read", unreadable);
    }
  }

  /** The wire keeps ids as bare numbers; the module API takes them typed. */
  private static List<ItemId> typed(List<Long> itemIds) {
    return itemIds.stream().map(ItemId::of).toList();
  }

  /** {@link Catalog#arrange}'s arguments in one body. */
  record Arrangement(List<Long> itemIds, long minPrice, long maxPrice, ItemOrder order) {}
}
