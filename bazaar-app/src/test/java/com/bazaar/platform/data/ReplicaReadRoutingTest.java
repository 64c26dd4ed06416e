package com.bazaar.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The routing rules over two in-memory databases that say who they are; the replica's state
 * is set by hand instead of read from {@code SHOW SLAVE STATUS}. The real pair is exercised by
 * {@code CatalogReadsOnReplicaTest}.
 */
class ReplicaReadRoutingTest {
  private static final Duration MAX_LAG = Duration.ofSeconds(5);

  private final DriverManagerDataSource primaryDb = database("primary");
  private final DriverManagerDataSource replicaDb = database("replica");
  private final ReplicaMonitor monitor = new ReplicaMonitor(new JdbcTemplate(replicaDb));
  private final WriteFence fence = new LocalWriteFence();
  private final ReplicaReadRouting routing =
      new ReplicaReadRouting(
          JdbcClient.create(primaryDb), JdbcClient.create(replicaDb), monitor, fence, MAX_LAG,
          ReplicaReads.BALANCED, new SimpleMeterRegistry());
  private final ReplicaHealth health = new ReplicaHealth(monitor, MAX_LAG);

  @Test
  void aReplicaThatReplicatesWithinTheLagBoundServesReads() {
    monitor.record(ReplicaState.replicating(Duration.ofSeconds(5), GtidPosition.EMPTY));

    assertThat(whoAnswers()).isEqualTo("replica");
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void aReplicaLaggingBeyondTheBoundIsLeftForThePrimary() {
    monitor.record(ReplicaState.replicating(Duration.ofSeconds(6), GtidPosition.EMPTY));

    assertThat(whoAnswers()).isEqualTo("primary");
    assertThat(health.health().getStatus()).isEqualTo(ReplicaHealth.DEGRADED);
    assertThat(health.health().getDetails()).containsEntry("replica", "lagging");
  }

  @Test
  void aReplicaThatIsDownOrUncheckedIsLeftForThePrimary() {
    assertThat(whoAnswers()).as("before the first check").isEqualTo("primary");

    monitor.record(ReplicaState.down("replication stopped"));

    assertThat(whoAnswers()).isEqualTo("primary");
    assertThat(health.health().getStatus()).isEqualTo(ReplicaHealth.DEGRADED);
  }

  @Test
  void aReplicaThatHasNotAppliedTheFencedWriteIsLeftForThePrimaryUntilItHas() {
    fence.raise(GtidPosition.parse("0-1-42"));

    monitor.record(ReplicaState.replicating(Duration.ZERO, GtidPosition.parse("0-1-41")));
    assertThat(whoAnswers()).isEqualTo("primary");

    monitor.record(ReplicaState.replicating(Duration.ZERO, GtidPosition.parse("0-1-42")));
    assertThat(whoAnswers()).isEqualTo("replica");
  }

  @Test
  void readsInsideATransactionStayOnThePrimary() {
    monitor.record(ReplicaState.replicating(Duration.ZERO, GtidPosition.EMPTY));

    String answer = new TransactionTemplate(new DataSourceTransactionManager(primaryDb)).execute(tx -> whoAnswers());

    assertThat(answer).isEqualTo("primary");
  }

  @Test
  void aReadThatFailsOnTheReplicaIsAnsweredByThePrimaryAndTakesTheReplicaOutOfService() {
    monitor.record(ReplicaState.replicating(Duration.ZERO, GtidPosition.EMPTY));
    new JdbcTemplate(replicaDb).execute("DROP TABLE whoami");

    assertThat(whoAnswers()).isEqualTo("primary");
    assertThat(monitor.state().replicating()).isFalse();
  }

  @Test
  void whileTheReplicaHasMoreReadsInFlightTheNextGoesToThePrimary() throws Exception {
    monitor.record(ReplicaState.replicating(Duration.ZERO, GtidPosition.EMPTY));

    try (HeldRead held = new HeldRead(routing)) {
      assertThat(held.answeredBy()).as("the held read").isEqualTo("replica");
      assertThat(whoAnswers()).as("the replica busy with one read, the primary with none").isEqualTo("primary");
    }
    assertThat(whoAnswers()).as("both idle again: the replica").isEqualTo("replica");
  }

  @Test
  void withReadsOnTheReplicaABusyReplicaStillTakesEveryRead() throws Exception {
    ReplicaReadRouting replicaOnly = new ReplicaReadRouting(
        JdbcClient.create(primaryDb), JdbcClient.create(replicaDb), monitor, fence, MAX_LAG,
        ReplicaReads.REPLICA, new SimpleMeterRegistry());
    monitor.record(ReplicaState.replicating(Duration.ZERO, GtidPosition.EMPTY));

    try (HeldRead held = new HeldRead(replicaOnly)) {
      assertThat(held.answeredBy()).isEqualTo("replica");
      String answeredBy = replicaOnly.read(db -> db.sql("SELECT name FROM whoami").query(String.class).single());
      assertThat(answeredBy).isEqualTo("replica");
    }
  }

  /** One read routed and answered, then held in flight (its connection's work done) until closed. */
  private static final class HeldRead implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private final CompletableFuture<String> answeredBy = new CompletableFuture<>();
    private final Future<?> read;

    HeldRead(ReplicaReadRouting routing) throws Exception {
      read = reader.submit(() -> routing.read(db -> {
        answeredBy.complete(db.sql("SELECT name FROM whoami").query(String.class).single());
        try {
          return release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }));
      answeredBy.get(10, TimeUnit.SECONDS);
    }

    String answeredBy() {
      return answeredBy.join();
    }

    @Override
    public void close() throws Exception {
      release.countDown();
      read.get(10, TimeUnit.SECONDS);
      reader.shutdownNow();
    }
  }

  private String whoAnswers() {
    return routing.read(db -> db.sql("SELECT name FROM whoami").query(String.class).single());
  }

  private static DriverManagerDataSource database(String name) {
    DriverManagerDataSource db =
        new DriverManagerDataSource("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    new JdbcTemplate(db).execute("CREATE TABLE whoami (name VARCHAR(10)); INSERT INTO whoami VALUES ('" + name + "')");
    return db;
  }
}
