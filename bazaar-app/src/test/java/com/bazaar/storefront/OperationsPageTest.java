package com.bazaar.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.TestItems;
import com.bazaar.support.Trades;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admin operations page over real HTTP on the embedded default, where no Prometheus is
 * configured: the node's own meters, its busiest endpoints, and the invariants of the real
 * tables — which hold for a shop used as it should be and say "VIOLATED", with the numbers,
 * once a row is changed behind the shop's back. (The page fed by a real Prometheus is
 * checked on a cluster by ObservedClusterIT.)
 */
class OperationsPageTest extends ApiTest {
  /** An English-reading admin's browser: the figures' own names are English in both languages. */
  private static final Map<String, String> BROWSER = Map.of("Accept", "text/html", "Accept-Language", "en");

  @Autowired TestItems items;
  @Autowired JdbcClient jdbc;
  private ApiClient admin;

  @Test
  void withoutPrometheusThePageShowsTheNodesFiguresEndpointsAndInvariantsAndReloadsItself() {
    anonymous().get("/api/items?size=1");

    String page = operationsPage();

    assertThat(page).contains("Source: this node&#39;s meters since it started", "requests served", "5xx answers",
        "p99 of all requests (at most)", "outbox backlog", "oldest outbox publication", "replica lag",
        "flash tickets queued / ordered / failed", "flash tickets waiting",
        "<meta http-equiv=\"refresh\" content=\"15\">");
    assertThat(page).contains("data-test=\"endpoint\"").containsPattern("<td class=\"num\" data-label=\"traffic\">\\d+ requests?</td>");
    assertThat(page).contains("stock accounting (").contains("data-test=\"invariant\"");
  }

  @Test
  void stockThatOrdersHoldAndSoldAddsUpUntilARowIsChangedBehindTheShopsBack() {
    ApiClient shopper = newShopper();
    long lamp = items.create("Accounted lamp", 1000, 10);
    Trades.pay(shopper, Trades.place(shopper, lamp, 1));
    Trades.place(shopper, lamp, 2);
    Trades.cancel(shopper, Trades.place(shopper, lamp, 3));
    assertThat(admin().post("/api/admin/items/" + lamp + "/stock", "{\"delta\":5}").status()).isEqualTo(200);
    assertThat(operationsPage()).doesNotContain("stock of item " + lamp);

    jdbc.sql("UPDATE stock SET available = available + 4 WHERE item_id = ?").param(lamp).update();
    try {
      String row = row(operationsPage(), "stock of item " + lamp);
      // received 10 + 5, held 2 by the unpaid order, sold 1; available 12 + 4 put in by hand.
      assertThat(row).contains("received 15 ≠ available 16 + held 2 + sold 1 = 19", "data-holds=\"false\"", "VIOLATED");
    } finally {
      jdbc.sql("UPDATE stock SET available = available - 4 WHERE item_id = ?").param(lamp).update();
    }
    assertThat(operationsPage()).doesNotContain("stock of item " + lamp);
  }

  @Test
  void aFlashSaleAddsUpUntilATicketIsSoldThatTheCounterNeverGaveOut() {
    long item = items.create("Accounted flash item", 5000, 10);
    String saleId = admin().post("/api/admin/flash-sales", ApiClient.json(Map.of(
        "itemId", String.valueOf(item),
        "price", Map.of("amount", 990, "currency", "CNY"),
        "stock", 5,
        "startsAt", Instant.now().minusSeconds(60).toString(),
        "endsAt", Instant.now().plusSeconds(3600).toString(),
        "limitPerUser", 1))).json().get("id").asString();
    String name = "flash sale " + saleId + " (item " + item + ")";
    assertThat(row(operationsPage(), name)).contains("units 5 = remaining 5 + sold 0 + in flight 0", "data-holds=\"true\"");

    // A settled ticket that no purchase took from the counter: its units are counted twice.
    long forged = System.nanoTime();
    jdbc.sql("""
            INSERT INTO flash_tickets (id, sale_id, buyer_id, quantity, status, order_id, settled_at)
            VALUES (?, ?, 1, 2, 'ORDERED', NULL, CURRENT_TIMESTAMP)""")
        .params(forged, Long.parseLong(saleId)).update();
    try {
      assertThat(row(operationsPage(), name)).contains("units 5 &lt; remaining 5 + sold 2: 2 counted twice", "VIOLATED");
    } finally {
      jdbc.sql("DELETE FROM flash_tickets WHERE id = ?").param(forged).update();
    }
  }

  @Test
  void shoppersCannotSeeIt() {
    assertThat(newShopper().send("GET", "/admin/operations", null, BROWSER).status()).isEqualTo(403);
  }

  private String operationsPage() {
    if (admin == null) {
      admin = admin();
    }
    Answer page = admin.send("GET", "/admin/operations", null, BROWSER);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.body();
  }

  /** The invariant row whose first cell is this name. */
  private static String row(String page, String name) {
    Matcher row = Pattern.compile("<tr[^>]*data-test=\"invariant\"[^>]*>\\s*<th>" + Pattern.quote(name)
        + "</th>.*?</tr>", Pattern.DOTALL).matcher(page);
    assertThat(row.find()).as("row " + name + " in\n" + page).isTrue();
    return row.group();
  }
}
