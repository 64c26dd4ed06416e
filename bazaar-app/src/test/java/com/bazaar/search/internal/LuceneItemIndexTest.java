package com.bazaar.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuceneItemIndexTest {
  private static final IndexedItem PHONE = new IndexedItem(1, "华为 智能手机 Pro", "旗舰 5G 拍照", 10);
  private static final IndexedItem HEADSET = new IndexedItem(2, "蓝牙耳机", "降噪 长续航", 10);
  private static final IndexedItem EARBUDS = new IndexedItem(3, "Wireless Earbuds", "Noise cancelling, 30 hours of battery", 11);
  private static final IndexedItem IPHONE = new IndexedItem(4, "Apple iPhone 15 手机", "A17 chip, titanium", 10);
  private static final IndexedItem CASE = new IndexedItem(5, "Leather case", "Fits the Apple iPhone 15 perfectly", 12);

  private final LuceneItemIndex index = LuceneItemIndex.inMemory();

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  private List<Long> find(String query) {
    return index.search(query, 0, 20).ids();
  }

  @Test
  void chineseWordsAreFoundInsideLongerWords() {
    index.rebuild(sink -> List.of(PHONE, HEADSET, EARBUDS, IPHONE, CASE).forEach(sink));

    assertThat(find("手机")).contains(1L, 4L).doesNotContain(2L, 3L, 5L);
    assertThat(find("智能手机")).containsExactly(1L);
    assertThat(find("耳机")).containsExactly(2L);
    assertThat(find("蓝牙")).containsExactly(2L);
    assertThat(find("华为")).containsExactly(1L);
  }

  @Test
  void englishIsCaseInsensitiveAndStemmed() {
    index.rebuild(sink -> List.of(PHONE, HEADSET, EARBUDS, IPHONE, CASE).forEach(sink));

    assertThat(find("earbuds")).containsExactly(3L);
    assertThat(find("Earbud")).containsExactly(3L);
    assertThat(find("WIRELESS")).containsExactly(3L);
    assertThat(find("cancel")).containsExactly(3L);
  }

  @Test
  void mixedChineseAndEnglishQueriesMatchEveryWord() {
    index.rebuild(sink -> List.of(PHONE, HEADSET, EARBUDS, IPHONE, CASE).forEach(sink));

    assertThat(find("apple 手机")).containsExactly(4L);
    assertThat(find("华为 pro")).containsExactly(1L);
  }

  @Test
  void whenNoItemMatchesEveryWordItemsMatchingSomeWordsAreFound() {
    index.rebuild(sink -> List.of(PHONE, HEADSET, EARBUDS).forEach(sink));

    assertThat(find("华为 earbuds")).containsExactlyInAnyOrder(1L, 3L);
  }

  @Test
  void aTitleMatchRanksAboveADescriptionMatch() {
    index.rebuild(sink -> List.of(CASE, IPHONE).forEach(sink));

    assertThat(find("iphone")).containsExactly(4L, 5L);
    assertThat(find("leather")).containsExactly(5L);
  }

  @Test
  void indexingAnItemAgainReplacesIt() {
    index.index(PHONE);
    index.index(new IndexedItem(1, "小米 平板", "大屏", 10));

    assertThat(index.count()).isEqualTo(1);
    assertThat(find("华为")).isEmpty();
    assertThat(find("平板")).containsExactly(1L);
  }

  @Test
  void aWriteIsVisibleToTheNextSearch() {
    index.index(EARBUDS);
    assertThat(find("earbuds")).containsExactly(3L);

    index.remove(3);
    assertThat(find("earbuds")).isEmpty();
    assertThat(index.count()).isZero();
  }

  @Test
  void removingAnUnknownItemIsHarmless() {
    index.index(PHONE);
    index.remove(999);
    assertThat(index.count()).isEqualTo(1);
  }

  @Test
  void rebuildReplacesEverythingAndCountsTheItems() {
    index.index(PHONE);
    long indexed = index.rebuild(sink -> List.of(HEADSET, EARBUDS).forEach(sink));

    assertThat(indexed).isEqualTo(2);
    assertThat(index.count()).isEqualTo(2);
    assertThat(find("华为")).isEmpty();
  }

  @Test
  void clearEmptiesTheIndex() {
    index.rebuild(sink -> List.of(PHONE, HEADSET).forEach(sink));
    index.clear();
    assertThat(index.count()).isZero();
    assertThat(find("耳机")).isEmpty();
  }

  @Test
  void pagesSliceTheRankedHitsAndReportTheTotal() {
    index.rebuild(sink -> {
      for (long id = 1; id <= 25; id++) {
        sink.accept(new IndexedItem(id, "Phone charger " + id, "USB-C", 10));
      }
    });

    var first = index.search("charger", 0, 10);
    var third = index.search("charger", 20, 10);
    var beyond = index.search("charger", 40, 10);

    assertThat(first.ids()).hasSize(10);
    assertThat(first.total()).isEqualTo(25);
    assertThat(third.ids()).hasSize(5).doesNotContainAnyElementsOf(first.ids());
    assertThat(beyond.ids()).isEmpty();
    assertThat(beyond.total()).isEqualTo(25);
  }

  @Test
  void aPageFarBeyondTheLastHitCostsNothingAndFindsNothing() {
    index.rebuild(sink -> {
      for (long id = 1; id <= 25; id++) {
        sink.accept(new IndexedItem(id, "Phone charger " + id, "USB-C", 10));
      }
    });

    var deep = index.search("charger", Integer.MAX_VALUE - 10, 10);
    var deepFallback = index.search("charger nothing-else", 50_000_000, 100);

    assertThat(deep.ids()).isEmpty();
    assertThat(deep.total()).isEqualTo(25);
    assertThat(deepFallback.ids()).isEmpty();
    assertThat(deepFallback.total()).isEqualTo(25);
  }

  @ParameterizedTest
  @ValueSource(strings = {"c++", "a:b", "\"", "*", "(", ")", "[", "{", "~", "?", "\\", "AND", "OR NOT", "title:x^", "/", "!", "-", "&&", "||", "   ", ""})
  void specialCharactersNeverBreakASearch(String query) {
    index.rebuild(sink -> List.of(PHONE, EARBUDS).forEach(sink));
    assertThatCode(() -> index.search(query, 0, 10)).doesNotThrowAnyException();
  }

  @Test
  void veryLongInputNeverBreaksASearch() {
    index.index(PHONE);
    assertThatCode(() -> index.search("手机".repeat(5_000), 0, 10)).doesNotThrowAnyException();
    assertThatCode(() -> index.search("phone ".repeat(2_000), 0, 10)).doesNotThrowAnyException();
    assertThatCode(() -> index.search("ab".repeat(5_000), 0, 10)).doesNotThrowAnyException();
  }

  @Test
  void queriesWithOnlyPunctuationFindNothing() {
    index.rebuild(sink -> List.of(PHONE, EARBUDS).forEach(sink));
    assertThat(index.search("*", 0, 10)).isEqualTo(ItemIndex.SearchHits.none());
  }

  @Test
  void anIndexOnDiskKeepsItsItemsAcrossReopening(@TempDir Path dir) throws Exception {
    try (var onDisk = LuceneItemIndex.at(dir)) {
      onDisk.index(HEADSET);
    }
    try (var reopened = LuceneItemIndex.at(dir)) {
      assertThat(reopened.search("耳机", 0, 10).ids()).containsExactly(2L);
    }
  }
}
