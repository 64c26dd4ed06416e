package com.bazaar.catalog.internal;

import static com.bazaar.platform.services.RemoteRefusals.answered;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.Category;
import com.bazaar.catalog.ItemDetail;
import com.bazaar.catalog.ItemDraft;
import com.bazaar.catalog.ItemImage;
import com.bazaar.catalog.ItemNotFound;
import com.bazaar.catalog.ItemOrder;
import com.bazaar.catalog.ItemSummary;
import com.bazaar.catalog.PricedItem;
import com.bazaar.catalog.PriceRange;
import com.bazaar.inventory.OutOfStock;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.services.ConditionalOnDeploymentRole;
import com.bazaar.platform.services.Deployment.Role;
import com.bazaar.platform.services.RemoteCalls;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * {@link Catalog} on the web role of the services deployment: every call goes to a catalog
 * instance found in ZooKeeper ({@link CatalogClient}, group {@code catalog}, {@code lb://catalog})
 * through {@link RemoteCalls} — reads retried on another instance, writes tried once, one circuit
 * breaker, 503 when the catalog is down. The service's answers become the exceptions the local
 * catalog throws ({@link ItemNotFound}, {@link InvalidInput} through {@link
 * com.bazaar.platform.services.RemoteRefusals}, {@link OutOfStock}), so callers and
 * shoppers see no difference (docs/services.md, Contracts).
 */
@Component
@ConditionalOnDeploymentRole(Role.WEB)
final class RemoteCatalog implements Catalog {
  static final String SERVICE = "catalog";

  private final CatalogClient client;
  private final RemoteCalls calls;

  RemoteCatalog(CatalogClient client, RemoteCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  @Override
  public List<Category> categories() {
    return calls.read(SERVICE, client::categories);
  }

  @Override
  public ItemDetail item(ItemId itemId) {
    return calls.read(SERVICE, () -> about(itemId, () -> client.item(itemId.value())));
  }

  @Override
  public Optional<ItemDetail> findItem(ItemId itemId) {
    try {
      return Optional.of(item(itemId));
    } catch (ItemNotFound absent) {
      return Optional.empty();
    }
  }

  @Override
  public Page<ItemSummary> items(Optional<CategoryId> categoryId, PriceRange price, ItemOrder order, PageSpec page) {
    Long bareCategoryId = categoryId.map(CategoryId::value).orElse(null); // the wire keeps bare numbers
    return calls.read(SERVICE, () -> answered(() ->
        client.items(bareCategoryId, price.min(), price.max(), order, page.page(), page.size())));
  }

  @Override
  public List<ItemId> arrange(List<ItemId> itemIds, PriceRange price, ItemOrder order) {
    var arrangement = new InternalCatalogApi.Arrangement(bare(itemIds), price.min(), price.max(), order);
    return calls.read(SERVICE, () -> answered(() -> client.arrange(arrangement))).stream().map(ItemId::of).toList();
  }

  @Override
  public ItemDetail attachImage(ItemId itemId, byte[] image) {
    ByteArrayResource file = new ByteArrayResource(image) {
      @Override
      public String getFilename() {
        return "image"; // makes it a file part; the catalog tells the type by the content, not the name
      }
    };
    return calls.write(SERVICE, () -> about(itemId, () -> client.attachImage(itemId.value(), file)));
  }

  @Override
  public Optional<ItemImage> image(String name) {
    return calls.read(SERVICE, () -> {
      try {
        ResponseEntity<byte[]> answer = client.image(name);
        MediaType type = answer.getHeaders().getContentType();
        byte[] bytes = answer.getBody();
        return type == null || bytes == null
            ? Optional.<ItemImage>empty()
            : Optional.of(new ItemImage(name, type.toString(), bytes));
      } catch (HttpClientErrorException.NotFound absent) {
        return Optional.<ItemImage>empty();
      }
    });
  }

  @Override
  public List<ItemSummary> summaries(List<ItemId> itemIds) {
    return itemIds.isEmpty() ? List.of() : calls.read(SERVICE, () -> answered(() -> client.summaries(bare(itemIds))));
  }

  @Override
  public List<PricedItem> priced(List<ItemId> itemIds) {
    return itemIds.isEmpty() ? List.of() : calls.read(SERVICE, () -> answered(() -> client.priced(bare(itemIds))));
  }

  @Override
  public ItemDetail create(ItemDraft draft) {
    return calls.write(SERVICE, () -> answered(() -> client.create(draft)));
  }

  @Override
  public ItemDetail update(ItemId itemId, ItemDraft draft) {
    return calls.write(SERVICE, () -> about(itemId, () -> client.update(itemId.value(), draft)));
  }

  @Override
  public ItemDetail adjustStock(ItemId itemId, long delta) {
    return calls.write(SERVICE, () -> about(itemId, () -> client.adjustStock(itemId.value(), delta)));
  }

  /** Page by page, each page one read (so a failed page is tried again on another instance). */
  @Override
  public void forEachItem(Consumer<ItemDetail> visitor) {
    long after = Long.MIN_VALUE;
    List<ItemDetail> page;
    do {
      long from = after;
      page = calls.read(SERVICE, () -> answered(() -> client.details(from, CatalogService.VISIT_PAGE)));
      page.forEach(visitor);
      if (!page.isEmpty()) {
        after = page.get(page.size() - 1).id().value();
      }
    } while (page.size() == CatalogService.VISIT_PAGE);
  }

  /** A call about one item: its 404 is that item's {@link ItemNotFound}, its 409 that item's {@link OutOfStock}. */
  private static <T> T about(ItemId itemId, Supplier<T> call) {
    try {
      return answered(call);
    } catch (HttpClientErrorException.NotFound absent) {
      throw new ItemNotFound(itemId);
    } catch (HttpClientErrorException.Conflict conflict) {
      throw new OutOfStock(itemId);
    }
  }

  /** The wire (CatalogClient) keeps ids as bare numbers, as the public API does. */
  private static List<Long> bare(List<ItemId> itemIds) {
    return itemIds.stream().map(ItemId::value).toList();
  }
}
