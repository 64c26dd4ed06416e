package com.bazaar.storefront;

import com.bazaar.catalog.ItemDetail;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The admin's item form. The price is text in yuan ("19.99") so that it can be read exactly
 * as fen; see {@link YuanAmount}. Mutable for form binding.
 */
public final class ItemForm {
  @NotBlank @Size(max = 200)
  private String title = "";

  @NotNull @Size(max = 4000)
  private String description = "";

  @NotBlank private String price = "";

  @NotNull @PositiveOrZero private Long stock = 0L;

  @NotNull private @Nullable Long categoryId;

  static ItemForm of(ItemDetail item) {
    ItemForm form = new ItemForm();
    form.title = item.title();
    form.description = item.description();
    form.price = YuanAmount.fromFen(item.price().amount());
    form.stock = item.stock();
    form.categoryId = item.categoryId().value();
    return form;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getPrice() {
    return price;
  }

  public void setPrice(String price) {
    this.price = price;
  }

  public Long getStock() {
    return stock;
  }

  public void setStock(Long stock) {
    this.stock = stock;
  }

  public @Nullable Long getCategoryId() {
    return categoryId;
  }

  public void setCategoryId(Long categoryId) {
    this.categoryId = categoryId;
  }
}
