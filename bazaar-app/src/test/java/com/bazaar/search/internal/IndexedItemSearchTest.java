package com.bazaar.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bazaar.catalog.Catalog;
import com.bazaar.catalog.ItemSummary;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Money;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;
import com.bazaar.platform.protection.CircuitBreakers;
import com.bazaar.platform.protection.ProtectionProperties;
import com.bazaar.search.SearchUnavailable;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IndexedItemSearchTest {
  private final LuceneItemIndex index = LuceneItemIndex.inMemory();
  private final Map<ItemId, ItemSummary> current = Map.of(
      ItemId.of(1), new ItemSummary(ItemId.of(1), "Wireless Earbuds", Money.of(19900, "CNY"), 7, CategoryId.of(10),
          "/images/a.png"),
      ItemId.of(2), new ItemSummary(ItemId.of(2), "Earbud case", Money.of(990, "CNY"), 0, CategoryId.of(10),
          "/images/b.png"));
  private final CircuitBreakers breakers = new CircuitBreakers(new ProtectionProperties(null, null));
  private final IndexBuild built = built();
  private final IndexedItemSearch search = new IndexedItemSearch(index, catalogOf(current), breakers, built);

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  @Test
  void hitsComeInRankOrderWithTheCatalogsCurrentPriceAndStock() {
    index.index(new IndexedItem(2, "Earbud case", "Protects your wireless earbuds", 10));
    index.index(new IndexedItem(1, "Wireless Earbuds", "Noise cancelling", 10));

    var page = search.search("wireless", new PageSpec(0, 10));

    assertThat(page.content()).extracting(ItemSummary::id).containsExactly(ItemId.of(1), ItemId.of(2));
    assertThat(page.content().get(0).price()).isEqualTo(Money.of(19900, "CNY"));
    assertThat(page.content().get(0).stock()).isEqualTo(7);
    assertThat(page.totalElements()).isEqualTo(2);
  }

  @Test
  void itemsGoneFromTheCatalogAreSkipped() {
    index.index(new IndexedItem(3, "Wireless mouse", "", 10));
    assertThat(search.search("wireless", new PageSpec(0, 10)).content()).isEmpty();
  }

  @Test
  void aBlankOrMissingQueryIsInvalid() {
    for (String query : new String[] {null, "", "   ", "\t\n"}) {
      assertThatThrownBy(() -> search.search(query, new PageSpec(0, 10)))
          .isInstanceOf(InvalidInput.class)
          .extracting(e -> ((InvalidInput) e).field())
          .isEqualTo("q");
    }
  }

  @Test
  void aQueryLongerThan200CharactersIsInvalid() {
    assertThat(search.search("a".repeat(200), new PageSpec(0, 10)).content()).isEmpty();
    assertThatThrownBy(() -> search.search("a".repeat(201), new PageSpec(0, 10))).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> search.search("手".repeat(10_000), new PageSpec(0, 10))).isInstanceOf(InvalidInput.class);
  }

  @Test
  void aFailingCatalogIsNotCountedAsTheIndexFailing() {
    index.index(new IndexedItem(1, "Wireless Earbuds", "Noise cancelling", 10));
    Catalog down = (Catalog) Proxy.newProxyInstance(Catalog.class.getClassLoader(), new Class<?>[] {Catalog.class},
        (proxy, method, args) -> {
          throw new IllegalStateException("catalog database is down");
        });
    IndexedItemSearch overDeadCatalog = new IndexedItemSearch(index, down, breakers, built);

    for (int attempt = 0; attempt < 12; attempt++) {
      assertThatThrownBy(() -> overDeadCatalog.search("wireless", new PageSpec(0, 10)))
          .isInstanceOf(IllegalStateException.class);
    }

    assertThat(breakers.state(IndexedItemSearch.BREAKER)).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(search.search("wireless", new PageSpec(0, 10)).content()).hasSize(1);
  }

  @Test
  void untilTheIndexIsBuiltSearchAnswersUnavailableButStillRefusesBadInputFirst() {
    index.index(new IndexedItem(1, "Wireless Earbuds", "Noise cancelling", 10));
    IndexBuild notYet = new IndexBuild();
    notYet.started(1);
    notYet.failed(new IllegalStateException("catalog down"), Duration.ofSeconds(4));
    IndexedItemSearch beforeTheBuild = new IndexedItemSearch(index, catalogOf(current), breakers, notYet);

    assertThatThrownBy(() -> beforeTheBuild.search("wireless", new PageSpec(0, 10)))
        .isInstanceOfSatisfying(SearchUnavailable.class, refused -> {
          assertThat(refused.getCodes()).containsExactly("refusal.unavailable.search");
          assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(4));
        });
    assertThatThrownBy(() -> beforeTheBuild.search(" ", new PageSpec(0, 10))).isInstanceOf(InvalidInput.class);
    assertThat(breakers.state(IndexedItemSearch.BREAKER)).isEqualTo(CircuitBreaker.State.CLOSED);

    notYet.finished();
    assertThat(beforeTheBuild.search("wireless", new PageSpec(0, 10)).content()).hasSize(1);
  }

  private static IndexBuild built() {
    IndexBuild build = new IndexBuild();
    build.finished();
    return build;
  }

  /** A catalog that knows only the summaries it is given; the search needs nothing else. */
  private static Catalog catalogOf(Map<ItemId, ItemSummary> items) {
    return (Catalog) Proxy.newProxyInstance(
        Catalog.class.getClassLoader(),
        new Class<?>[] {Catalog.class},
        (proxy, method, args) -> {
          if (method.getName().equals("summaries")) {
            @SuppressWarnings("unchecked")
            List<ItemId> ids = (List<ItemId>) args[0];
            return ids.stream().filter(items::containsKey).map(items::get).toList();
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
