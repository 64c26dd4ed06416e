package com.bazaar.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bazaar.support.ApiClient;
import com.bazaar.support.ApiClient.Answer;
import com.bazaar.support.ApiTest;
import com.bazaar.support.CommandCountingSocketFactory;
import com.bazaar.support.CommandCountingSocketFactory.Command;
import com.bazaar.support.CommandCountingSocketFactory.Sender;
import com.bazaar.support.RealEngines;
import com.bazaar.support.TestItems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The database round trips of one shopper iteration of the peer benchmark's client
 * ({@code shared/peer/bazaar_orders.py}: add to cart, list the cart, order from the cart, pay),
 * counted — not timed — at the driver's socket ({@link CommandCountingSocketFactory}), per request
 * and per sender: the request thread, and the outbox deliveries after its commit. Two iterations
 * warm the node's caches first, as in the benchmark's steady state. The figures go to
 * {@code target/round-trips.md} (docs/benchmarks.md quotes them); the assertions hold what a
 * change must not undo: each outbox delivery commits once.
 */
@RealEngines
@ActiveProfiles("mariadb")
@TestPropertySource(properties = "spring.datasource.url=jdbc:mariadb://${bazaar.mariadb.host}:${bazaar.mariadb.port}/"
    + "${bazaar.mariadb.database}?createDatabaseIfNotExist=true&socketFactory=com.bazaar.support.CommandCountingSocketFactory")
class RoundTripsOfAShopperIterationOnMariaDbTest extends ApiTest {
  /** notification.order-placed; notification.order-paid and sales.order-paid. */
  private static final int DELIVERIES = 3;

  @Autowired TestItems items;
  @Autowired JdbcClient jdbc;
  @Autowired @Qualifier("applicationTaskExecutor") ThreadPoolTaskExecutor tasks;

  @Test
  void aShopperIterationsRoundTripsAreCountedAndEachOutboxDeliveryCommitsOnce() throws IOException {
    long item = items.create("Counted kettle", 1990, 1_000_000);
    ApiClient shopper = newShopper();
    iteration(shopper, item, new LinkedHashMap<>());
    iteration(shopper, item, new LinkedHashMap<>());
    Map<String, List<Command>> counted = new LinkedHashMap<>();
    iteration(shopper, item, counted);

    String report = report(counted);
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "round-trips.md"), report);

    List<Command> deliveries = counted.values().stream().flatMap(List::stream)
        .filter(command -> command.sender() == Sender.DELIVERY).toList();
    assertThat(deliveries.stream().filter(command -> command.label().equalsIgnoreCase("COMMIT")))
        .as("one commit per outbox delivery: the handler's writes and the publication's completion together")
        .hasSize(DELIVERIES);
  }

  private void iteration(ApiClient shopper, long item, Map<String, List<Command>> counted) {
    step(counted, "PUT /api/cart/items/{id}", () -> expect(shopper.put("/api/cart/items/" + item, "{\"quantity\":1}"), 200));
    step(counted, "GET /api/cart", () -> expect(shopper.get("/api/cart"), 200));
    String order = step(counted, "POST /api/orders (fromCart)", () -> expect(shopper.post("/api/orders",
        "{\"fromCart\":true}", Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201).json().get("id").asString());
    step(counted, "POST /api/orders/{id}/pay", () -> expect(shopper.post("/api/orders/" + order + "/pay", "{}",
        Map.of("Idempotency-Key", UUID.randomUUID().toString())), 200));
  }

  /** One request, with the outbox deliveries it causes; the database is quiet before and after. */
  private <T> T step(Map<String, List<Command>> counted, String name, Supplier<T> request) {
    awaitQuiet();
    CommandCountingSocketFactory.start();
    T answer = request.get();
    awaitQuiet();
    counted.put(name, CommandCountingSocketFactory.stop().stream()
        .filter(command -> command.sender() != Sender.OTHER && !command.isPing() && command.isRoundTrip())
        .toList());
    return answer;
  }

  /** Every outbox publication delivered and the task executor (which runs the deliveries) idle. */
  private void awaitQuiet() {
    await().atMost(Duration.ofSeconds(30)).until(() ->
        jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL").query(Long.class).single() == 0
            && tasks.getActiveCount() == 0 && tasks.getThreadPoolExecutor().getQueue().isEmpty());
  }

  private static Answer expect(Answer answer, int status) {
    assertThat(answer.status()).as("%s", answer).isEqualTo(status);
    return answer;
  }

  private static String report(Map<String, List<Command>> counted) {
    StringBuilder out = new StringBuilder("| request | on the request thread | after commit, outbox deliveries |\n|---|---|---|\n");
    int[] sums = new int[2];
    counted.forEach((request, commands) -> {
      long onRequest = commands.stream().filter(c -> c.sender() == Sender.REQUEST).count();
      long onDeliveries = commands.stream().filter(c -> c.sender() == Sender.DELIVERY).count();
      sums[0] += (int) onRequest;
      sums[1] += (int) onDeliveries;
      out.append("| `").append(request).append("` | ").append(onRequest).append(" | ").append(onDeliveries).append(" |\n");
    });
    out.append("| **one iteration** | **").append(sums[0]).append("** | **").append(sums[1]).append("** |\n\n");
    counted.forEach((request, commands) -> {
      out.append(request).append(":\n");
      for (Sender sender : List.of(Sender.REQUEST, Sender.DELIVERY)) {
        Map<String, Integer> labels = new TreeMap<>();
        commands.stream().filter(c -> c.sender() == sender)
            .forEach(c -> labels.merge(c.label().replaceAll("\\d+", "?"), 1, Integer::sum));
        labels.forEach((label, n) -> out.append("  ").append(sender).append(" ").append(n).append(" × ").append(label).append('\n'));
      }
    });
    return out.toString();
  }
}
