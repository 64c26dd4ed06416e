package com.bazaar.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Money;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;
import com.bazaar.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The catalog's Java API as other modules use it. */
class CatalogTest extends ApiTest {
  @Autowired Catalog catalog;

  private ItemDetail create(String title) {
    CategoryId categoryId = catalog.categories().get(0).id();
    return catalog.create(new ItemDraft(title, "", Money.of(500, "CNY"), 4, categoryId));
  }

  @Test
  void theDemoCatalogHasChineseAndEnglishItemsInTenOrMoreCategories() {
    assertThat(catalog.categories()).hasSizeGreaterThanOrEqualTo(10);
    List<String> titles = new ArrayList<>();
    catalog.forEachItem(item -> titles.add(item.title()));
    assertThat(titles).hasSizeGreaterThanOrEqualTo(60);
    assertThat(titles).anyMatch(t -> t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
    assertThat(titles).anyMatch(t -> t.chars().allMatch(c -> c < 128));
  }

  @Test
  void visitingItemsSeesEachItemOnceWithItsStock() {
    ItemDetail created = create("Visited item");
    List<Long> visited = new ArrayList<>();
    List<ItemDetail> mine = new ArrayList<>();

    catalog.forEachItem(item -> {
      visited.add(item.id().value());
      if (item.id().equals(created.id())) {
        mine.add(item);
      }
    });

    assertThat(visited).doesNotHaveDuplicates().isSorted();
    assertThat(visited.size()).isEqualTo(catalog.items(Optional.empty(), new PageSpec(0, 1)).totalElements());
    assertThat(mine).containsExactly(created);
  }

  @Test
  void summariesKeepTheAskedOrderAndSkipUnknownIds() {
    ItemDetail a = create("Summary A");
    ItemDetail b = create("Summary B");

    assertThat(catalog.summaries(List.of(b.id(), ItemId.of(42), a.id())))
        .containsExactly(b.summary(), a.summary());
  }

  @Test
  @SuppressWarnings("NullAway") // a JSON body without categoryId reaches the catalog like this
  void aDraftWithoutACategoryIsRefusedAsInvalidInputNamingTheField() {
    ItemDraft noCategory = new ItemDraft("No category", "", Money.of(500, "CNY"), 1, null);

    assertThatThrownBy(() -> catalog.create(noCategory))
        .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("categoryId"));
  }

  @Test
  void findingAnUnknownItemIsEmpty() {
    assertThat(catalog.findItem(ItemId.of(7))).isEmpty();
  }
}
