package com.bazaar.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The sales of a sustained storm, opened ahead of the purchases that go to them (purchase k goes
 * to round k ÷ buyers). Opening only the next sale while one runs made purchases wait on the
 * admin's calls whenever opening a sale (an item, then the sale: three round trips to a busy node)
 * took longer than a sale lasts — 60 ms at 5,000 purchases/s with 300 buyers — and a paced storm
 * counts that wait against every purchase due behind it: a tail of the load tool's own making, as
 * thread dumps of the tool showed (most of its 200 workers parked on the next sale). So the sales
 * of the next {@link #LEAD} of purchases are kept open, by a few openers at once, and any purchase that
 * still has to wait for its sale is counted, so a run can tell such a wait from the node's.
 */
final class SalesAhead implements AutoCloseable {
  /** How far ahead of a paced storm its sales are open. */
  static final Duration LEAD = Duration.ofSeconds(2);
  /**
   * A closed storm's rate is not known in advance: rounds kept open ahead of it. With 200 purchases
   * in flight each admin call waits behind them too, so opening a sale (three calls) takes about two
   * sales' time, whatever the rate: four openers and 16 rounds keep ahead of that.
   */
  static final int CLOSED_AHEAD = 16;
  private static final int OPENERS = 4;

  private final LongFunction<String> open;
  private final ExecutorService openers = Executors.newFixedThreadPool(OPENERS, task -> {
    Thread thread = new Thread(task, "flash-storm-sale-opener");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<Long, CompletableFuture<String>> sales = new ConcurrentHashMap<>();
  private final AtomicLong askedUpTo = new AtomicLong(-1);
  private final AtomicLong waits = new AtomicLong();
  private final AtomicLong longestWaitNanos = new AtomicLong();
  private volatile int ahead = 1;

  /** {@code open} opens a sale and answers its id; it runs on the openers' threads. */
  SalesAhead(LongFunction<String> open) {
    this.open = open;
  }

  /** Rounds to keep open beyond the current one: {@link #LEAD} of purchases at {@code rate} a second (0: closed). */
  static int roundsAhead(double rate, int buyers) {
    return rate > 0 ? (int) Math.max(1, Math.ceil(rate * LEAD.toNanos() / 1e9 / buyers)) : CLOSED_AHEAD;
  }

  /** Sets the lead for a window at {@code rate} (0: closed) and waits until its first rounds are open. */
  void lead(long firstRound, double rate, int buyers) {
    ahead = roundsAhead(rate, buyers);
    long last = firstRound + ahead;
    for (long round = firstRound; round <= last; round++) {
      ask(round);
    }
    askedUpTo.accumulateAndGet(last, Math::max);
    for (long round = firstRound; round <= last; round++) {
      request(round).join();
    }
  }

  /** The sale of {@code round}, waiting only if it is still being opened; asks for the rounds ahead of it. */
  String sale(long round) {
    long last = round + ahead;
    // in order, from the highest round asked for so far: the openers then open the nearest first
    for (long r = Math.max(round, askedUpTo.get() + 1); r <= last; r++) {
      ask(r);
    }
    askedUpTo.accumulateAndGet(last, Math::max);
    CompletableFuture<String> sale = request(round);
    if (sale.isDone()) {
      return sale.join();
    }
    long start = System.nanoTime();
    String id = sale.join();
    waits.incrementAndGet();
    longestWaitNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
    return id;
  }

  /** Asks for a round's sale without waiting: a failed opening fails the purchases that join it. */
  private void ask(long round) {
    var unused = request(round);
  }

  private CompletableFuture<String> request(long round) {
    return sales.computeIfAbsent(round, r -> CompletableFuture.supplyAsync(() -> open.apply(r), openers));
  }

  /** Sales asked for so far (opened or opening), the lead's not yet stormed ones included. */
  int opened() {
    return sales.size();
  }

  /** Purchases that found their sale still opening, and the longest such wait, since the last call. */
  Waits waitsSinceLast() {
    return new Waits(waits.getAndSet(0), longestWaitNanos.getAndSet(0) / 1e6);
  }

  record Waits(long purchases, double longestMs) {}

  @Override
  public void close() {
    openers.shutdownNow();
  }
}
