package com.bazaar.platform.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.bazaar.cart.Carts;
import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.cluster.ClusterHarness;
import com.bazaar.support.cluster.Node;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * No request costs more than a bounded amount of memory or time: one node of the embedded
 * default (H2 file, in-heap Lucene, the demo catalog of 1,000 items) with a 256 MB heap gets
 * the heaviest request of each public endpoint — the deepest page, the largest allowed size,
 * the longest query, the biggest body — and the same requests just past each limit. Each must
 * answer 2xx or 4xx within {@link #BUDGET}, and afterwards the node must still be alive,
 * healthy and serving. (Before the paging window, {@code /api/search?q=phone&page=1000000&size=100}
 * alone asked Lucene for 10^8 hits: an OutOfMemoryError, which with
 * {@code -XX:+ExitOnOutOfMemoryError} ends the node.)
 */
class HeaviestRequestsIT {
  private static final Duration BUDGET = Duration.ofSeconds(15);
  private static final Map<String, String> BROWSER = Map.of("Accept", "text/html");
  /** The default of bazaar.order.limits.max-lines-per-order (docs/security.md), pinned so the test says what it sends. */
  private static final int MAX_ORDER_LINES = 50;

  private static ClusterHarness cluster;
  private static Node node;

  @BeforeAll
  static void startOneSmallNode() {
    cluster = ClusterHarness.builder().nodes(1).profiles().heap("256m")
        .property("spring.datasource.url",
            "jdbc:h2:file:${bazaar.data-dir}/bazaar;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE")
        .property("spring.datasource.username", "sa")
        .property("bazaar.demo.items", "1000")
        .property("bazaar.order.limits.max-lines-per-order", String.valueOf(MAX_ORDER_LINES))
        .start();
    node = cluster.node(1);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theHeaviestRequestOfEachEndpointAnswersWithinBudgetAndTheNodeStaysHealthy() {
    ApiClient visitor = new ApiClient(node.port());
    ApiClient shopper = new ApiClient(node.port()).registerAndLogin("heavy" + System.nanoTime() % 1_000_000);
    ApiClient admin = new ApiClient(node.port()).login("admin", "admin-password");
    JsonNode firstItems = visitor.get("/api/items?size=100").json().get("content");
    String itemId = firstItems.get(0).get("id").asString();
    String categoryId = visitor.get("/api/categories").json().get(0).get("id").asString();
    String longestQuery = longestQuery();

    List<Heavy> requests = List.of(
        // paged lists: the last page within the window, the first past it, and the page that ran the heap dry
        get(visitor, "/api/items?page=99&size=100", 200),
        get(visitor, "/api/items?page=100&size=100", 400),
        get(visitor, "/api/items?page=21474836&size=100", 400),
        get(visitor, "/api/items?size=101", 400),
        get(visitor, "/api/items?categoryId=" + categoryId + "&page=99&size=100", 200),
        get(visitor, "/api/search?q=" + encode(longestQuery) + "&page=0&size=100", 200),
        get(visitor, "/api/search?q=" + encode(longestQuery) + "&page=99&size=100", 200),
        get(visitor, "/api/search?q=phone&page=1000000&size=100", 400),
        get(visitor, "/api/search?q=phone&page=21474836&size=100", 400),
        get(visitor, "/api/search?q=" + "a".repeat(201), 400),
        get(visitor, "/api/search?q=" + "手机".repeat(2_000), 400), // past the 8 KB request line
        get(shopper, "/api/orders?page=99&size=100", 200),
        get(shopper, "/api/orders?page=21474836&size=100", 400),
        get(shopper, "/api/notifications?page=99&size=100", 200),
        get(shopper, "/api/notifications?page=21474836&size=100", 400),
        get(admin, "/api/admin/orders?page=99&size=100", 200),
        get(admin, "/api/admin/orders?page=21474836&size=100", 400),
        get(visitor, "/api/categories", 200),
        get(visitor, "/api/flash-sales", 200),
        get(visitor, "/api/items/" + itemId, 200),
        // storefront pages: the deepest page of the window lies past the last one, which a list
        // page answers by sending the shopper to its last page
        page("/?page=415", 302),
        page("/?page=89478485", 400),
        page("/categories/" + categoryId + "?page=415", 302),
        page("/search?q=" + encode(longestQuery) + "&page=415", 302),
        page("/search?q=phone&page=21474836", 200), // a hint to narrow the search, not an error
        page("/items/" + itemId, 200),
        // bodies: the most lines an order may have, one more, a body past the size limit, the most a cart line holds
        post(shopper, "/api/orders", orderBody(firstItems, MAX_ORDER_LINES), 201, 409, 429),
        post(shopper, "/api/orders", orderBody(firstItems, MAX_ORDER_LINES).replace("]}", "," + line(itemId) + "]}"), 400),
        post(visitor, "/api/users", "{\"username\":\"" + "u".repeat(70_000) + "\",\"password\":\"x\"}", 413),
        post(visitor, "/api/users", "{\"username\":\"" + "u".repeat(60_000) + "\",\"password\":\"pw-long-enough\"}", 400),
        put(shopper, "/api/cart/items/" + itemId, "{\"quantity\":" + Carts.MAX_QUANTITY + "}", 200, 409));

    List<String> failures = new ArrayList<>();
    for (Heavy request : requests) {
      long started = System.nanoTime();
      Answer answer = request.sendWithin(BUDGET);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      System.out.printf("HeaviestRequestsIT: %-90s %d in %d ms%n", request.what(), answer.status(), took.toMillis());
      if (!request.expected().contains(answer.status())) {
        failures.add(request.what() + " answered " + answer.status() + " (expected " + request.expected() + ") in "
            + took.toMillis() + " ms: " + abbreviate(answer.body()));
      }
      assertThat(node.alive()).as("node alive after " + request.what()).isTrue();
    }
    assertThat(failures).isEmpty();

    assertThat(node.healthy()).as("node healthy after the heaviest requests").isTrue();
    assertThat(visitor.get("/actuator/health/readiness").status()).isEqualTo(200);
    Answer normal = visitor.get("/api/search?q=phone");
    assertThat(normal.status()).isEqualTo(200);
    assertThat(visitor.get("/api/items?page=0&size=20").json().get("content")).hasSize(20);
  }

  private static String longestQuery() {
    String words = "phone 手机 wireless 耳机 earbuds 智能 charger 充电器 case 保护壳 cable 数据线 ";
    StringBuilder query = new StringBuilder();
    while (query.length() + words.length() <= 200) {
      query.append(words);
    }
    return query.append(words, 0, 200 - query.length()).toString();
  }

  private static String orderBody(JsonNode items, int lines) {
    List<String> body = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      body.add(line(items.get(i).get("id").asString()));
    }
    return "{\"lines\":[" + String.join(",", body) + "]}";
  }

  private static String line(String itemId) {
    return "{\"itemId\":\"" + itemId + "\",\"quantity\":1}";
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  private static Heavy get(ApiClient client, String path, Integer... expected) {
    return new Heavy("GET " + abbreviate(path), () -> client.get(path), List.of(expected));
  }

  private static Heavy page(String path, Integer... expected) {
    ApiClient browser = new ApiClient(node.port());
    return new Heavy("page " + abbreviate(path), () -> browser.send("GET", path, null, BROWSER), List.of(expected));
  }

  private static Heavy post(ApiClient client, String path, String body, Integer... expected) {
    return new Heavy("POST " + path + " (" + body.length() + " chars)", () -> client.post(path, body), List.of(expected));
  }

  private static Heavy put(ApiClient client, String path, String body, Integer... expected) {
    return new Heavy("PUT " + path, () -> client.put(path, body), List.of(expected));
  }

  /** One request, what it may answer, and a hard stop at the budget. */
  private record Heavy(String what, java.util.function.Supplier<Answer> call, List<Integer> expected) {
    Answer sendWithin(Duration budget) {
      CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(call);
      try {
        return answer.get(budget.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        answer.cancel(true);
        return fail(what + " took longer than " + budget);
      } catch (ExecutionException e) {
        return fail(what + " failed: " + e.getCause() + " (node alive: " + node.alive() + ")");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return fail("interrupted");
      }
    }
  }
}
