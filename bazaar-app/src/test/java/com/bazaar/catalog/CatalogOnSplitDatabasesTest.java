package com.bazaar.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.bazaar.platform.Money;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiTest;
import com.bazaar.support.RealEngines;
import com.bazaar.support.SplitMariaDbDatabases;
import com.bazaar.support.TestItems;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.context.annotation.Import;

/**
 * The split layout (profile split): users, catalog and trade in three databases, and catalog
 * writes that stay consistent with the trade database's stock and outbox without a
 * distributed transaction. {@code mainDatabase} is Spring Boot's DataSource, the trade one.
 */
@RealEngines
@ActiveProfiles({"mariadb", "split"})
@Import(CatalogOnSplitDatabasesTest.Listeners.class)
class CatalogOnSplitDatabasesTest extends ApiTest {
  @Autowired JdbcClient mainDatabase;
  @Autowired Catalog catalog;
  @Autowired TestItems items;
  @Autowired ItemEvents events;
  @Autowired IncompleteEventPublications incomplete;

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    SplitMariaDbDatabases.register(registry);
  }

  @Test
  void everyTableLivesOnlyInItsDomainsDatabase() {
    String trade = mainDatabase.sql("SELECT DATABASE()").query(String.class).single();

    assertThat(schemasHolding("users")).containsExactly(trade + "_user");
    assertThat(schemasHolding("items")).containsExactly(trade + "_catalog");
    assertThat(schemasHolding("categories")).containsExactly(trade + "_catalog");
    for (String table : List.of("stock", "cart_lines", "orders", "payments", "idempotency_keys")) {
      assertThat(schemasHolding(table)).as(table).containsExactly(trade);
    }
    // Spring Modulith's MySQL schema names it in capitals.
    assertThat(schemasHolding("EVENT_PUBLICATION")).containsExactly(trade);
  }

  @Test
  void theDemoCatalogIsServedFromTheCatalogDatabase() {
    assertThat(anonymous().get("/api/categories").json().size()).isPositive();
    assertThat(catalogRows("SELECT COUNT(*) FROM items")).isPositive();
  }

  @Test
  void aCommittedItemsEventIsDeliveredAfterItsCommit() {
    long itemId = Long.parseLong(admin().post("/api/admin/items", ApiClient.json(Map.of(
        "title", "Split kettle", "description", "",
        "price", Map.of("amount", 1200, "currency", "CNY"), "stock", 3, "categoryId", firstCategoryId())))
        .json().get("id").asString());

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(events.delivered()).containsEntry(itemId, true));
    assertThat(items.stockOf(itemId)).isEqualTo(3);
    await().atMost(Duration.ofSeconds(10)).until(() -> openPublicationsOf(itemId) == 0);
  }

  @Test
  void aRolledBackCatalogWriteLeavesNoItemAndItsPhantomEventHarmless() {
    // The web edge refuses such a title (400); the service is called directly to reach the
    // catalog database's own refusal, after the stock row and the event were recorded.
    String tooLong = "x".repeat(201);
    ItemDraft draft = new ItemDraft(tooLong, "", Money.of(500, "CNY"), 4,
        CategoryId.of(Long.parseLong(firstCategoryId())));

    assertThatThrownBy(() -> catalog.create(draft)).isInstanceOf(RuntimeException.class);

    long itemId = events.raised().get(events.raised().size() - 1);
    assertThat(catalogRows("SELECT COUNT(*) FROM items WHERE id = " + itemId)).as("no item").isZero();
    assertThat(catalog.findItem(ItemId.of(itemId))).isEmpty();
    // The registry wrote on the trade database outside the catalog transaction: the row
    // committed, and no after-commit delivery happened, so it is open — a phantom event.
    assertThat(openPublicationsOf(itemId)).isPositive();
    // The orphan stock row committed first; nothing can buy an item the catalog lacks.
    assertThat(items.stockOf(itemId)).isEqualTo(4);
    assertThat(newShopper().put("/api/cart/items/" + itemId, "{\"quantity\":1}").status()).isBetween(400, 499);

    incomplete.resubmitIncompletePublications(publication ->
        publication.getEvent() instanceof ItemChanged changed && changed.itemId().value() == itemId);

    await().atMost(Duration.ofSeconds(10)).until(() -> openPublicationsOf(itemId) == 0);
    assertThat(events.delivered()).containsEntry(itemId, false);
    assertThat(catalog.findItem(ItemId.of(itemId))).isEmpty();
  }

  @Test
  void noCatalogChangeCommitsWithoutItsEvent() {
    ApiClient admin = admin();
    long itemId = Long.parseLong(admin.post("/api/admin/items", ApiClient.json(Map.of(
        "title", "Kept title", "description", "",
        "price", Map.of("amount", 900, "currency", "CNY"), "stock", 2, "categoryId", firstCategoryId())))
        .json().get("id").asString());
    ItemDraft changed = new ItemDraft("Changed title", "", Money.of(900, "CNY"), 2,
        CategoryId.of(Long.parseLong(firstCategoryId())));

    // The outbox cannot record the event: the trade database lost its publication table.
    mainDatabase.sql("RENAME TABLE EVENT_PUBLICATION TO event_publication_away").update();
    try {
      assertThatThrownBy(() -> catalog.update(ItemId.of(itemId), changed)).isInstanceOf(RuntimeException.class);
    } finally {
      mainDatabase.sql("RENAME TABLE event_publication_away TO EVENT_PUBLICATION").update();
    }

    assertThat(catalogRows("SELECT COUNT(*) FROM items WHERE title = 'Changed title'")).isZero();
    assertThat(catalog.item(ItemId.of(itemId)).title()).isEqualTo("Kept title");
  }

  private String firstCategoryId() {
    return anonymous().get("/api/categories").json().get(0).get("id").asString();
  }

  private List<String> schemasHolding(String table) {
    return mainDatabase.sql("SELECT table_schema FROM information_schema.tables"
            + " WHERE table_name = ? AND table_schema LIKE CONCAT(DATABASE(), '%') ORDER BY table_schema")
        .param(table).query(String.class).list();
  }

  private long catalogRows(String countQuery) {
    return mainDatabase.sql(countQuery.replaceFirst("FROM items", "FROM `" + catalogSchema() + "`.items"))
        .query(Long.class).single();
  }

  private String catalogSchema() {
    return mainDatabase.sql("SELECT CONCAT(DATABASE(), '_catalog')").query(String.class).single();
  }

  private long openPublicationsOf(long itemId) {
    return mainDatabase.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE completion_date IS NULL"
            + " AND serialized_event LIKE ?")
        .param("%" + itemId + "%").query(Long.class).single();
  }

  @TestConfiguration
  static class Listeners {
    @Bean
    ItemEvents itemEvents(Catalog catalog) {
      return new ItemEvents(catalog);
    }
  }

  /**
   * Sees {@link ItemChanged} twice: raised (inside the writing transaction) and delivered
   * through the outbox, where it records, as the real consumers do, whether the item exists
   * when it re-reads it. Read through methods: the bean is an async proxy.
   */
  static class ItemEvents {
    private final Catalog catalog;
    private final List<Long> raised = new CopyOnWriteArrayList<>();
    private final ConcurrentMap<Long, Boolean> delivered = new ConcurrentHashMap<>();

    ItemEvents(Catalog catalog) {
      this.catalog = catalog;
    }

    public List<Long> raised() {
      return raised;
    }

    public Map<Long, Boolean> delivered() {
      return delivered;
    }

    @EventListener
    public void raised(ItemChanged changed) {
      raised.add(changed.itemId().value());
    }

    @ApplicationModuleListener
    void on(ItemChanged changed) {
      delivered.put(changed.itemId().value(), catalog.findItem(changed.itemId()).isPresent());
    }
  }
}
