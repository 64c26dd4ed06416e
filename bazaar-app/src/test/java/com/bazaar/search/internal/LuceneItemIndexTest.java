package com.bazaar.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.search.internal.ItemIndex.IndexedItem;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuceneItemIndexTest {
  private final LuceneItemIndex index = new LuceneItemIndex(new ByteBuffersDirectory());

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  @Test
  void chineseWordsFindItemsWhoseTitlesContainThem() {
    index.indexAll(List.of(
        item(1, "华为 智能手机 Pro 256GB", "旗舰 拍照"),
        item(2, "索尼 蓝牙耳机 降噪", "无线 音乐"),
        item(3, "Running shoes lightweight", "for marathon")));

    assertThat(index.search("手机", 0, 10).ids()).containsExactly(1L);
    assertThat(index.search("耳机", 0, 10).ids()).containsExactly(2L);
  }

  @Test
  void englishIsCaseInsensitiveAndStemmed() {
    index.index(item(7, "Apple Wireless Earbuds", "Noise cancelling"));

    assertThat(index.search("earbud", 0, 10).ids()).containsExactly(7L);
    assertThat(index.search("WIRELESS", 0, 10).ids()).containsExactly(7L);
  }

  @Test
  void mixedQueriesMatchEitherLanguage() {
    index.indexAll(List.of(item(1, "Apple laptop", ""), item(2, "小米 手机", ""), item(3, "牛奶", "")));

    assertThat(index.search("apple 手机", 0, 10).ids()).containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void aTitleMatchRanksAboveADescriptionMatch() {
    index.indexAll(List.of(
        item(1, "Leather wallet", "goes well with running shoes"),
        item(2, "Running shoes", "light and fast")));

    assertThat(index.search("shoes", 0, 10).ids()).containsExactly(2L, 1L);
  }

  @Test
  void reindexingReplacesAndRemovingForgets() {
    index.index(item(1, "Green tea 绿茶", ""));
    index.index(item(1, "Black coffee", ""));

    assertThat(index.search("tea", 0, 10).total()).isZero();
    assertThat(index.search("coffee", 0, 10).ids()).containsExactly(1L);
    assertThat(index.count()).isEqualTo(1);

    index.remove(1);
    assertThat(index.count()).isZero();
  }

  @Test
  void pagesWindowTheRankedHits() {
    for (int i = 1; i <= 25; i++) {
      index.index(item(i, "phone case " + i, ""));
    }

    var second = index.search("phone", 10, 10);
    assertThat(second.total()).isEqualTo(25);
    assertThat(second.ids()).hasSize(10).doesNotContainAnyElementsOf(index.search("phone", 0, 10).ids());
    assertThat(index.search("phone", LuceneItemIndex.MAX_WINDOW, 10).ids()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"c++", "a:b", "\"", "*", "(", ")", "?", "title:x AND", "\\", "~1", "!!!", "。，"})
  void queryTextIsNeverParsedAsSyntax(String text) {
    index.index(item(1, "c shell a b x", ""));

    assertThat(index.search(text, 0, 10)).isNotNull();
  }

  private static IndexedItem item(long id, String title, String description) {
    return new IndexedItem(id, title, description, 1);
  }
}
