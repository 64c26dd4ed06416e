package com.bazaar.storefront;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The admin's form for a new flash sale. The price is yuan text read exactly ({@link YuanAmount});
 * the start is typed as "yyyy-MM-dd HH:mm" in UTC (the times the shop shows) and the end given
 * as a length in minutes, so a sale cannot end before it starts. Mutable for form binding.
 */
public final class FlashSaleForm {
  /** A week: longer is not a flash sale. */
  static final int MAX_MINUTES = 7 * 24 * 60;

  @NotNull private @Nullable Long itemId;

  @NotBlank private String price = "";

  @NotNull @Positive private Integer stock = 10;

  @NotBlank @Size(max = 20)
  private String startsAt = "";

  @NotNull @Positive @Max(MAX_MINUTES)
  private Integer minutes = 60;

  @NotNull @Positive @Max(1000)
  private Integer limitPerUser = 1;

  public @Nullable Long getItemId() {
    return itemId;
  }

  public void setItemId(Long itemId) {
    this.itemId = itemId;
  }

  public String getPrice() {
    return price;
  }

  public void setPrice(String price) {
    this.price = price;
  }

  public Integer getStock() {
    return stock;
  }

  public void setStock(Integer stock) {
    this.stock = stock;
  }

  public String getStartsAt() {
    return startsAt;
  }

  public void setStartsAt(String startsAt) {
    this.startsAt = startsAt;
  }

  public Integer getMinutes() {
    return minutes;
  }

  public void setMinutes(Integer minutes) {
    this.minutes = minutes;
  }

  public Integer getLimitPerUser() {
    return limitPerUser;
  }

  public void setLimitPerUser(Integer limitPerUser) {
    this.limitPerUser = limitPerUser;
  }
}
