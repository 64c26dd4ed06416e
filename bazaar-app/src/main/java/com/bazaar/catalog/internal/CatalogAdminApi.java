package com.bazaar.catalog.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemDraft;
import com.bazaar.inventory.Inventory;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.io.IOException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Admins create and change items and count stock (security allows ADMIN only here). */
@RestController
class CatalogAdminApi {
  static final long MAX_PRICE = 100_000_000_00L;
  static final long MAX_STOCK = Inventory.MAX_STOCK;
  static final long MAX_DELTA = 1_000_000;

  private final Catalog catalog;

  CatalogAdminApi(Catalog catalog) {
    this.catalog = catalog;
  }

  @Operation(summary = "Add an item (admin)")
  @PostMapping("/api/admin/items")
  ResponseEntity<CatalogApi.DetailView> create(@Valid @RequestBody ItemForm form) {
    return ResponseEntity.status(HttpStatus.CREATED).body(CatalogApi.DetailView.of(catalog.create(form.draft())));
  }

  @Operation(summary = "Change an item (admin)")
  @PutMapping("/api/admin/items/{id}")
  CatalogApi.DetailView update(@PathVariable long id, @Valid @RequestBody ItemForm form) {
    return CatalogApi.DetailView.of(catalog.update(ItemId.of(id), form.draft()));
  }

  @Operation(summary = "Add to or take from an item's stock (admin)")
  @PostMapping("/api/admin/items/{id}/stock")
  CatalogApi.DetailView adjustStock(@PathVariable long id, @Valid @RequestBody StockDelta change) {
    if (change.delta() == 0) {
      throw new InvalidInput("delta", "refusal.notZero");
    }
    return CatalogApi.DetailView.of(catalog.adjustStock(ItemId.of(id), change.delta()));
  }

  /**
   * A picture for the item, as the multipart part {@code image}: PNG, JPEG or WebP (told by its
   * content) of at most 2 MB; anything else is a 400 (413 above the multipart limit) and
   * nothing is stored.
   */
  @PostMapping(path = "/api/admin/items/{id}/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  CatalogApi.DetailView attachImage(@PathVariable long id, @RequestPart("image") MultipartFile image)
      throws IOException {
    return CatalogApi.DetailView.of(catalog.attachImage(ItemId.of(id), image.getBytes()));
  }

  record ItemForm(
      @NotBlank @Size(max = 200) String title,
      @Size(max = 4000) String description,
      @NotNull @Valid PriceForm price,
      @NotNull @Min(0) @Max(MAX_STOCK) Long stock,
      @NotNull Long categoryId) {

    ItemDraft draft() {
      return new ItemDraft(
          title, description, Money.of(price.amount(), price.currency()), stock, CategoryId.of(categoryId));
    }
  }

  /** The shop's currency is checked by the catalog, which knows it. */
  record PriceForm(
      @NotNull @Min(1) @Max(MAX_PRICE) Long amount, @NotNull @Size(min = 3, max = 3) String currency) {}

  record StockDelta(@NotNull @Min(-MAX_DELTA) @Max(MAX_DELTA) Long delta) {}
}
