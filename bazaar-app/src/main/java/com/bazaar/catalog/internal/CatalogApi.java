package com.bazaar.catalog.internal;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.Category;
import com.bazaar.catalog.ItemDetail;
import com.bazaar.catalog.ItemOrder;
import com.bazaar.catalog.ItemSummaryView;
import com.bazaar.catalog.PriceRange;
import com.bazaar.platform.Money;
import com.bazaar.platform.Page;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public, read-only catalog of the JSON API. */
@RestController
class CatalogApi {
  private final Catalog catalog;

  CatalogApi(Catalog catalog) {
    this.catalog = catalog;
  }

  @Operation(summary = "Every category")
  @GetMapping("/api/categories")
  List<CategoryView> categories() {
    return catalog.categories().stream().map(CategoryView::of).toList();
  }

  /** Newest first unless {@code sort} says otherwise; prices in minor units, both ends included. */
  @Operation(summary = "A page of items, of one category if given")
  @GetMapping("/api/items")
  Page<ItemSummaryView> items(
      @RequestParam(required = false) @Nullable Long categoryId,
      @RequestParam(defaultValue = "newest") String sort,
      @RequestParam(required = false) @Nullable Long minPrice,
      @RequestParam(required = false) @Nullable Long maxPrice,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    ItemOrder order = ItemOrder.of(sort);
    PriceRange price = PriceRange.of(minPrice, maxPrice);
    return catalog.items(Optional.ofNullable(categoryId).map(CategoryId::of), price, order, new PageSpec(page, size))
        .map(ItemSummaryView::of);
  }

  @Operation(summary = "One item with its description and stock")
  @GetMapping("/api/items/{id}")
  DetailView item(@PathVariable long id) {
    return DetailView.of(catalog.item(ItemId.of(id)));
  }

  record CategoryView(String id, String name, @Nullable String parentId) {
    static CategoryView of(Category category) {
      return new CategoryView(
          String.valueOf(category.id().value()),
          category.name(),
          category.parentId() == null ? null : String.valueOf(category.parentId().value()));
    }
  }

  /** API.md's item: ids as strings, {@code updatedAt} an ISO-8601 UTC instant. */
  record DetailView(
      String id,
      String title,
      String description,
      Money price,
      long stock,
      String categoryId,
      String updatedAt,
      String imageUrl) {
    static DetailView of(ItemDetail item) {
      return new DetailView(
          String.valueOf(item.id().value()),
          item.title(),
          item.description(),
          item.price(),
          item.stock(),
          String.valueOf(item.categoryId().value()),
          item.updatedAt().toString(),
          item.imageUrl());
    }
  }
}
