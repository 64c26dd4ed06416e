package com.bazaar.flashsale.internal;

class InMemoryFlashStockTest extends FlashStockContract {
  private final FlashStock stock = new InMemoryFlashStock();

  @Override
  FlashStock stock() {
    return stock;
  }
}
