package com.bazaar.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.bazaar.BazaarApplication;
import com.bazaar.inventory.Inventory;
import com.bazaar.cart.Carts;
import com.bazaar.inventory.AlreadyStocked;
import com.bazaar.inventory.OutOfStock;
import com.bazaar.inventory.StockNotFound;
import com.bazaar.order.Ordering;
import com.bazaar.user.UserAccounts;
import com.bazaar.platform.InvalidInput;
import com.bazaar.platform.Money;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;
import com.bazaar.search.ItemSearch;
import com.bazaar.search.SearchUnavailable;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.FreePorts;
import com.bazaar.support.RabbitTestBroker;
import com.bazaar.support.RealEngines;
import com.bazaar.support.TestPictures;
import com.bazaar.support.ZooKeeperServer;
import jakarta.servlet.Filter;
import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import jakarta.servlet.http.HttpServletRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stage 14's contract (docs/services.md): the local {@link Catalog} (the catalog role's own) and
 * the remote one (the web role's client, found through a real ZooKeeper from {@code bin/zookeeper}
 * and balanced by Spring Cloud LoadBalancer) answer the same calls the same way, errors included.
 * Two application contexts in this JVM, each with its own database: the web role's never holds
 * the catalog's items, so every answer it gives came from the catalog service; the catalog role's
 * holds no stock, so every stock it shows came from the web role's inventory. The same for the
 * catalog role's remote {@link Inventory} and {@link SalesCounts} against the web role's own.
 */
@RealEngines
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogContractAcrossServicesTest {
  private static final ItemId UNKNOWN = ItemId.of(9_000_000_000_000L);

  private final String registryRoot = "/bazaar-test-" + UUID.randomUUID();
  /** The services deployment needs the RabbitMQ bus; both roles share exchanges and queues private to this run. */
  private final String busPrefix = "bazaar-test-services-" + UUID.randomUUID().toString().substring(0, 8);
  private final int catalogInternalPort = FreePorts.pick();
  private ConfigurableApplicationContext catalogRole;
  private ConfigurableApplicationContext webRole;
  private Catalog local;
  private Catalog remote;
  /** Set while the catalog answers (order 12), for the tests that run once it is down. */
  private ApiClient buyer;
  private long stocked;
  private long category;

  @BeforeAll
  void startBothRoles() throws Exception {
    ZooKeeperServer.start();
    // The web role first: the catalog role's demo seed waits for the stock's service, the web role's inventory.
    webRole = start("web", FreePorts.pick(), 2);
    catalogRole = start("catalog", catalogInternalPort, 1, TraceHeaders.class);
    local = catalogRole.getBean(Catalog.class);
    remote = webRole.getBean(Catalog.class);
    // The web role built its search index in the background once the catalog answered (ready, seeded).
    ItemSearch webSearch = webRole.getBean(ItemSearch.class);
    Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreException(SearchUnavailable.class)
        .until(() -> webSearch.search("samovar", new PageSpec(0, 1)) != null);
  }

  private ConfigurableApplicationContext start(String role, int internalPort, int workerId, Class<?>... extra) {
    List<Class<?>> sources = new ArrayList<>(List.of(BazaarApplication.class));
    sources.addAll(List.of(extra));
    return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
        .profiles("test", "services", "rabbit")
        .run("--bazaar.deployment.role=" + role,
            "--server.port=0",
            "--bazaar.services.internal-port=" + internalPort,
            "--bazaar.ids.worker-id=" + workerId,
            "--spring.cloud.zookeeper.connect-string=" + ZooKeeperServer.connectString(),
            "--spring.cloud.zookeeper.discovery.root=" + registryRoot,
            "--bazaar.bus.prefix=" + busPrefix,
            // each role on its own H2 and no Redis: no cache, which a services process refuses to keep alone
            "--bazaar.cache.type=none");
  }

  @AfterAll
  void stopBothRoles() {
    if (webRole != null) {
      webRole.close();
    }
    if (catalogRole != null && catalogRole.isActive()) {
      catalogRole.close();
    }
    RabbitTestBroker.deleteQueuesAndExchangesStartingWith(busPrefix);
  }

  @Test
  @Order(1)
  void theWebRoleServesNoLocalCatalog() {
    assertThat(webRole.getBeansOfType(Catalog.class).values())
        .singleElement()
        .extracting(catalog -> catalog.getClass().getSimpleName())
        .isEqualTo("RemoteCatalog");
    assertThat(local.getClass().getName()).contains("CatalogService");
  }

  /** Each role runs its own modules on its own tables: the catalog role has no carts, orders or stock. */
  @Test
  @Order(2)
  void eachRoleRunsItsModulesOnItsOwnTables() {
    assertThat(catalogRole.getBeansOfType(Inventory.class).values())
        .singleElement()
        .extracting(inventory -> inventory.getClass().getSimpleName())
        .isEqualTo("RemoteInventory");
    assertThat(catalogRole.getBeansOfType(SalesCounts.class).values())
        .singleElement()
        .extracting(counts -> counts.getClass().getSimpleName())
        .isEqualTo("RemoteSalesCounts");
    for (Class<?> elsewhere : List.of(Carts.class, Ordering.class, ItemSearch.class, UserAccounts.class)) {
      assertThat(catalogRole.getBeansOfType(elsewhere)).as(elsewhere.getSimpleName()).isEmpty();
    }
    assertThat(tables(catalogRole)).contains("items", "categories", "event_publication", "worker_id_leases")
        .doesNotContain("stock", "orders", "cart_lines", "users", "item_sales");
    assertThat(tables(webRole)).contains("stock", "orders", "cart_lines", "users", "item_sales", "event_publication")
        .doesNotContain("items", "categories");
  }

  @Test
  @Order(3)
  void readsAnswerTheSame() {
    assertSame(Catalog::categories);
    List<ItemSummary> newest = local.items(Optional.empty(), new PageSpec(0, 10)).content();
    ItemId known = newest.get(0).id();
    CategoryId category = newest.get(0).categoryId();
    assertSame(catalog -> catalog.item(known));
    assertSame(catalog -> catalog.findItem(known));
    assertSame(catalog -> catalog.findItem(UNKNOWN));
    assertSame(catalog -> catalog.items(Optional.empty(), new PageSpec(1, 7)));
    assertSame(catalog -> catalog.items(Optional.of(category), new PriceRange(100, 500_000), ItemOrder.PRICE_ASC,
        new PageSpec(0, 5)));
    assertSame(catalog -> catalog.items(Optional.empty(), PriceRange.ANY, ItemOrder.SALES, new PageSpec(0, 5)));
    List<ItemId> ids = new ArrayList<>(newest.stream().map(ItemSummary::id).toList());
    ids.add(UNKNOWN);
    assertSame(catalog -> catalog.summaries(ids));
    assertSame(catalog -> catalog.priced(ids));
    assertSame(catalog -> catalog.arrange(ids, new PriceRange(0, 1_000_000), ItemOrder.PRICE_DESC));
    assertSame(catalog -> catalog.image("0123456789abcdef0123456789abcdef.png"));
    assertSame(catalog -> {
      List<ItemDetail> all = new ArrayList<>();
      catalog.forEachItem(all::add);
      return all;
    });
  }

  @Test
  @Order(4)
  void errorsAreTheSameExceptions() {
    ItemId known = local.items(Optional.empty(), new PageSpec(0, 1)).content().get(0).id();
    assertSameFailure(catalog -> catalog.item(UNKNOWN), ItemNotFound.class);
    assertSameFailure(catalog -> catalog.update(UNKNOWN, draft("Nobody's item")), ItemNotFound.class);
    assertSameFailure(catalog -> catalog.adjustStock(UNKNOWN, 1), ItemNotFound.class);
    assertSameFailure(catalog -> catalog.adjustStock(known, -1_000_000), OutOfStock.class);
    assertSameFailure(catalog -> catalog.create(draft(" ")), InvalidInput.class);
    assertSameFailure(catalog -> catalog.attachImage(known, "not a picture".getBytes()), InvalidInput.class);
    assertSameFailure(catalog -> catalog.attachImage(known, new byte[0]), InvalidInput.class);
  }

  @Test
  @Order(5)
  void writesThroughTheRemoteCatalogLandInTheCatalogService() {
    ItemDetail created = remote.create(draft("A teapot sold through the web role"));
    assertThat(local.item(created.id())).isEqualTo(created);
    // its starting stock went on to the web role's inventory
    assertThat(webRole.getBean(Inventory.class).available(created.id())).isEqualTo(created.stock()).isEqualTo(10);

    ItemDetail restocked = remote.adjustStock(created.id(), 5);
    assertThat(restocked.stock()).isEqualTo(created.stock() + 5);
    assertThat(local.item(created.id()).stock()).isEqualTo(restocked.stock());

    ItemDetail pictured = remote.attachImage(created.id(), TestPictures.png(Color.ORANGE));
    String name = pictured.imageUrl().substring("/images/".length());
    assertThat(remote.image(name).orElseThrow().bytes()).isEqualTo(local.image(name).orElseThrow().bytes());
    assertThat(remote.image(name).orElseThrow().mediaType()).isEqualTo("image/png");
  }

  /** The catalog role's stock is the web role's: read, written and refused there, the same way as locally. */
  @Test
  @Order(6)
  void theStockAndSalesCountsAnswerTheSameAcrossServices() {
    Inventory remoteStock = catalogRole.getBean(Inventory.class);
    Inventory localStock = webRole.getBean(Inventory.class);
    List<ItemId> ids = new ArrayList<>(local.items(Optional.empty(), new PageSpec(0, 10)).content().stream()
        .map(ItemSummary::id).toList());
    ItemId known = ids.get(0);
    ids.add(UNKNOWN);
    assertThat(remoteStock.available(known)).isEqualTo(localStock.available(known)).isEqualTo(local.item(known).stock());
    assertThat(remoteStock.available(ids)).isEqualTo(localStock.available(ids)).doesNotContainKey(UNKNOWN);
    assertThat(remoteStock.lowest(100, 5)).isEqualTo(localStock.lowest(100, 5));
    assertThat(remoteStock.counts()).isEqualTo(localStock.counts());
    List<Long> bare = ids.stream().map(ItemId::value).toList();
    assertThat(catalogRole.getBean(SalesCounts.class).sold(bare)).isEqualTo(webRole.getBean(SalesCounts.class).sold(bare));

    assertSameStockFailure(stock -> stock.adjust(UNKNOWN, 1), StockNotFound.class);
    assertSameStockFailure(stock -> stock.adjust(known, -1_000_000), OutOfStock.class);
    assertSameStockFailure(stock -> stock.adjust(known, Inventory.MAX_STOCK + 1), InvalidInput.class);
    assertSameStockFailure(stock -> {
      stock.set(UNKNOWN, 3);
      return null;
    }, StockNotFound.class);
    assertSameStockFailure(stock -> {
      stock.stockNewItem(known, 3);
      return null;
    }, AlreadyStocked.class);

    long before = localStock.available(known);
    assertThat(remoteStock.adjust(known, 2)).isEqualTo(before + 2);
    assertThat(localStock.available(known)).isEqualTo(before + 2);
  }

  /** The bus of the services deployment is RabbitMQ: the catalog role's ItemChanged reaches the web role's index. */
  @Test
  @Order(7)
  void anItemCreatedInTheCatalogServiceBecomesSearchableOnTheWebRole() {
    String title = "A samovar announced across services";
    ItemSearch webSearch = webRole.getBean(ItemSearch.class);
    assertThat(webSearch.search("samovar", new PageSpec(0, 10)).content()).isEmpty();

    local.create(draft(title));

    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(webSearch.search("samovar", new PageSpec(0, 10)).content())
            .extracting(ItemSummary::title)
            .containsExactly(title));
  }

  @Test
  @Order(8)
  void anUnknownItemIsStillA404ToTheShopper() {
    Answer answer = new ApiClient(publicPort(webRole)).get("/api/items/" + UNKNOWN);
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");

    ItemId known = local.items(Optional.empty(), new PageSpec(0, 1)).content().get(0).id();
    Answer viaWeb = new ApiClient(publicPort(webRole)).get("/api/items/" + known);
    Answer viaCatalog = new ApiClient(publicPort(catalogRole)).get("/api/items/" + known);
    assertThat(viaWeb.status()).isEqualTo(200);
    assertThat(viaWeb.json()).isEqualTo(viaCatalog.json());

    Answer page = new ApiClient(publicPort(webRole)).send("GET", "/items/" + known, null, Map.of("Accept", "text/html"));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(local.item(known).title());
  }

  @Test
  @Order(9)
  void theModuleApiIsServedOnTheInternalPortOnly() {
    assertThat(new ApiClient(publicPort(catalogRole)).get("/internal/catalog/categories").status()).isIn(401, 403);
    assertThat(new ApiClient(catalogInternalPort).get("/internal/catalog/categories").status()).isEqualTo(200);
    assertThat(new ApiClient(catalogInternalPort).get("/api/categories").status()).isIn(401, 403);
  }

  @Test
  @Order(10)
  void theTraceContextTravelsWithTheCall() {
    TraceHeaders.SEEN.clear();
    remote.categories();
    assertThat(TraceHeaders.SEEN).isNotEmpty().allMatch(header -> header.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
  }

  /** The registry's health is the client's connection, not a query to ZooKeeper on every check. */
  @Test
  @Order(11)
  void theRegistryIsReportedByItsConnectionOnly() {
    var components = new ApiClient(publicPort(webRole)).get("/actuator/health").json().get("components");
    assertThat(components.get("registry").get("status").asString()).isEqualTo("UP");
    assertThat(components.has("zookeeper")).isFalse();
    assertThat(components.has("discoveryComposite")).isFalse();
  }

  /** Before the catalog goes: a buyer with the item in the cart, the item in the web role's stock. */
  @Test
  @Order(12)
  void aBuyerFillsACartWhileTheCatalogAnswers() {
    ItemDetail item = local.create(draft("A kettle for the day the catalog is down"));
    buyer = new ApiClient(publicPort(webRole)).registerAndLogin("down" + UUID.randomUUID().toString().substring(0, 8));
    Answer cart = buyer.put("/api/cart/items/" + item.id(), ApiClient.json(Map.of("quantity", 2)));
    assertThat(cart.status()).isEqualTo(200);
    // An order taken on the web role is stock the catalog role shows gone (no cache in this test).
    Answer order = buyer.post("/api/orders", ApiClient.json(Map.of("lines", List.of(Map.of("itemId", item.id().value(), "quantity", 1)))));
    assertThat(order.status()).as(order.body()).isEqualTo(201);
    assertThat(local.item(item.id()).stock()).isEqualTo(9);
    stocked = item.id().value();
    category = item.categoryId().value();
  }

  /** The catalog service goes away; the shopper gets a 503 problem (or page), not a 500 or a hang. */
  @Test
  @Order(13)
  void theCatalogDownIsA503ProblemToTheShopper() {
    catalogRole.close();
    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Answer answer = new ApiClient(publicPort(webRole)).get("/api/items/" + stocked);
      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.header("Retry-After")).isNotBlank();
    });
    Answer page = new ApiClient(publicPort(webRole)).send("GET", "/items/" + stocked, null, Map.of("Accept", "text/html"));
    assertThat(page.status()).isEqualTo(503);
    assertThat(page.contentType()).startsWith("text/html");
  }

  /** Catalog down: an order cannot be priced, so it answers 503 before anything is reserved or stored. */
  @Test
  @Order(14)
  void withTheCatalogDownAnOrderAnswers503AndReservesNothing() {
    JdbcClient webDatabase = webRole.getBean(JdbcClient.class);
    long ordersBefore = count(webDatabase, "SELECT COUNT(*) FROM orders");
    long eventsBefore = count(webDatabase, "SELECT COUNT(*) FROM event_publication");

    Answer fromCart = buyer.post("/api/orders", ApiClient.json(Map.of("fromCart", true)),
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    Answer direct = buyer.post("/api/orders",
        ApiClient.json(Map.of("lines", List.of(Map.of("itemId", stocked, "quantity", 1)))));

    for (Answer answer : List.of(fromCart, direct)) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(503);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.header("Retry-After")).isNotBlank();
      // refusal.unavailable.service, in the shopper's language
      assertThat(answer.json().get("detail").asString()).isEqualTo("the catalog service is unavailable; try again shortly");
    }
    assertThat(webRole.getBean(Inventory.class).available(ItemId.of(stocked))).isEqualTo(9);
    assertThat(count(webDatabase, "SELECT COUNT(*) FROM orders")).isEqualTo(ordersBefore);
    assertThat(count(webDatabase, "SELECT COUNT(*) FROM event_publication")).isEqualTo(eventsBefore);
    assertThat(count(webDatabase, "SELECT COUNT(*) FROM cart_lines")).isPositive();
  }

  /** Catalog down: browsing a category is a clear 503 (problem or the shop's page), never a 500. */
  @Test
  @Order(15)
  void withTheCatalogDownCategoryBrowsingIsAClear503() {
    ApiClient shopper = new ApiClient(publicPort(webRole));
    for (String path : List.of("/api/categories", "/api/items?categoryId=" + category)) {
      Answer answer = shopper.get(path);
      assertThat(answer.status()).as(path).isEqualTo(503);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().get("detail").asString()).isEqualTo("the catalog service is unavailable; try again shortly");
    }
    Answer page = shopper.send("GET", "/categories/" + category, null, Map.of("Accept", "text/html"));
    assertThat(page.status()).isEqualTo(503);
    assertThat(page.contentType()).startsWith("text/html");
  }

  private static long count(JdbcClient database, String sql) {
    return database.sql(sql).query(Long.class).single();
  }

  private static List<String> tables(ConfigurableApplicationContext role) {
    return role.getBean(JdbcClient.class)
        .sql("SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = 'public'")
        .query(String.class).list();
  }

  private void assertSameStockFailure(Function<Inventory, ?> call, Class<? extends RuntimeException> type) {
    Throwable locally = catchThrowable(() -> call.apply(webRole.getBean(Inventory.class)));
    Throwable remotely = catchThrowable(() -> call.apply(catalogRole.getBean(Inventory.class)));
    assertThat(locally).isInstanceOf(type);
    assertThat(remotely).isInstanceOf(type).hasMessage(locally.getMessage());
  }

  private <T> void assertSame(Function<Catalog, T> call) {
    assertThat(call.apply(remote)).isEqualTo(call.apply(local));
  }

  private void assertSameFailure(Function<Catalog, ?> call, Class<? extends RuntimeException> type) {
    Throwable locally = catchThrowable(() -> call.apply(local));
    Throwable remotely = catchThrowable(() -> call.apply(remote));
    assertThat(locally).isInstanceOf(type);
    assertThat(remotely).isInstanceOf(type).hasMessage(locally.getMessage());
    if (locally instanceof InvalidInput invalid) {
      assertThat(((InvalidInput) remotely).field()).isEqualTo(invalid.field());
    }
  }

  private ItemDraft draft(String title) {
    CategoryId category = local.categories().get(0).id();
    return new ItemDraft(title, "made for the contract test", Money.of(4_200, "CNY"), 10, category);
  }

  private static int publicPort(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Records the W3C trace header of every service call the catalog role receives. */
  @Configuration(proxyBeanMethods = false)
  static class TraceHeaders {
    static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();

    @Bean
    Filter traceHeaderRecorder() {
      return (request, response, chain) -> {
        if (request instanceof HttpServletRequest http && http.getRequestURI().startsWith("/internal/")) {
          String header = http.getHeader("traceparent");
          SEEN.add(header == null ? "none" : header);
        }
        chain.doFilter(request, response);
      };
    }
  }
}
