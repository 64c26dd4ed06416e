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
    assertThat(find("耳机")).containsExactly(2L, 3L); // 3 by the synonym earbuds
    assertThat(find("蓝牙")).containsExactly(2L);
    assertThat(find("华为")).containsExactly(1L);
  }

  @Test
  void aCompoundTypedWithoutSpacesFindsWhatItsWordsFindWithSpaces() {
    index.rebuild(sink -> List.of(PHONE, HEADSET, EARBUDS, IPHONE, CASE,
        new IndexedItem(6, "华为 蓝牙耳机", "华为无线耳机，正品保证。", 10),
        new IndexedItem(7, "小米 智能 手机 Pro 256GB", "小米智能手机（Pro 256GB），顺丰包邮。", 10)).forEach(sink));

    assertThat(find("华为手机")).containsExactly(1L).isEqualTo(find("华为 手机"));
    assertThat(find("小米手机")).containsExactly(7L).isEqualTo(find("小米 手机"));
    assertThat(find("华为耳机")).containsExactly(6L);
    assertThat(find("华为蓝牙耳机")).containsExactly(6L);
  }

  @Test
  void brandsAndCategoriesAreFoundInEitherLanguage() {
    index.rebuild(sink -> List.of(PHONE, HEADSET, EARBUDS, IPHONE, CASE).forEach(sink));

    assertThat(find("phone")).containsExactlyInAnyOrder(1L, 4L);
    assertThat(find("phones")).containsExactlyInAnyOrder(1L, 4L);
    assertThat(find("Huawei")).containsExactly(1L);
    assertThat(find("huawei phone")).containsExactly(1L);
    assertThat(find("苹果")).containsExactly(4L, 5L);
    assertThat(find("苹果手机")).containsExactly(4L);
    assertThat(find("headphones")).containsExactlyInAnyOrder(2L, 3L);
    assertThat(find("earbuds")).containsExactlyInAnyOrder(2L, 3L);
  }

  @Test
  void aSynonymOfSeveralWordsNeedsAllOfThem() {
    index.rebuild(sink -> List.of(
        new IndexedItem(1, "小米 充电宝 20000mAh", "", 10),
        new IndexedItem(2, "Anker Power Bank", "", 10),
        new IndexedItem(3, "Power drill", "", 13),
        new IndexedItem(4, "Piggy bank", "", 14)).forEach(sink));

    assertThat(find("power bank")).containsExactlyInAnyOrder(1L, 2L);
    assertThat(find("充电宝")).containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void theLastWordMatchesAsAPrefixWhileItIsTyped() {
    index.rebuild(sink -> List.of(PHONE, HEADSET, EARBUDS, IPHONE, CASE).forEach(sink));

    assertThat(find("iPhon")).containsExactly(4L, 5L);
    assertThat(find("earb")).containsExactly(3L);
    assertThat(find("Wirel")).containsExactly(3L);
    assertThat(find("noise cancell")).containsExactly(3L);
    assertThat(find("apple ip")).containsExactly(4L, 5L);
    // A finished word (followed by a space) and a single letter are not prefixes.
    assertThat(find("wirel ")).isEmpty();
    assertThat(find("w")).isEmpty();
  }

  @Test
  void theMatchedWordsOfATitleAreHighlightedAndTheRestEscaped() {
    index.rebuild(sink -> List.of(PHONE, IPHONE, new IndexedItem(8, "<b>Huawei</b> & 华为智能手机", "", 10)).forEach(sink));

    assertThat(highlight("华为手机", PHONE.title())).isEqualTo("<em>华为</em> 智能<em>手机</em> Pro");
    assertThat(highlight("phone", IPHONE.title())).isEqualTo("Apple iPhone 15 <em>手机</em>");
    assertThat(highlight("iPho", IPHONE.title())).isEqualTo("Apple <em>iPhone</em> 15 手机");
    assertThat(highlight("huawei", "<b>Huawei</b> & 华为智能手机"))
        .isEqualTo("&lt;b&gt;<em>Huawei</em>&lt;/b&gt; &amp; <em>华为</em>智能手机");
  }

  private String highlight(String query, String title) {
    return index.search(query, 0, 20).highlight(title);
  }

  @Test
  void englishIsCaseInsensitiveAndStemmed() {
    index.rebuild(sink -> List.of(PHONE, HEADSET, EARBUDS, IPHONE, CASE).forEach(sink));

    assertThat(find("Wireless")).containsExactly(3L);
    assertThat(find("Earbud")).contains(3L).doesNotContain(1L, 4L, 5L);
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

    assertThat(find("华为 wireless")).containsExactlyInAnyOrder(1L, 3L);
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
