package com.bazaar.platform.id;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Twitter's Snowflake layout: 41 bits of milliseconds since {@link #EPOCH}, 10 bits of worker
 * id, 12 bits of sequence. 4,096 ids per millisecond per worker; ids sort by creation time.
 *
 * <p>If the wall clock steps back by at most {@link #MAX_BACKWARD_WAIT_MS}, the generator
 * waits it out; a larger regression would risk duplicates, so it refuses to issue ids.
 */
public final class SnowflakeIdGenerator implements IdGenerator {
  public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
  static final int WORKER_BITS = 10;
  static final int SEQUENCE_BITS = 12;
  public static final int MAX_WORKER_ID = (1 << WORKER_BITS) - 1;
  static final long MAX_BACKWARD_WAIT_MS = 50;
  private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

  private final long workerId;
  private final LongSupplier millis;
  private long lastMillis;
  private long sequence;

  public SnowflakeIdGenerator(int workerId) {
    this(workerId, System::currentTimeMillis);
  }

  SnowflakeIdGenerator(int workerId, LongSupplier millis) {
    this(workerId, millis, -1);
  }

  /**
   * A generator that issues only ids with timestamps after {@code notBeforeMillis}: the end
   * of the previous holder's lease on this worker id.
   */
  SnowflakeIdGenerator(int workerId, LongSupplier millis, long notBeforeMillis) {
    if (workerId < 0 || workerId > MAX_WORKER_ID) {
      throw new IllegalArgumentException("worker id must be in 0.." + MAX_WORKER_ID + ": " + workerId);
    }
    this.workerId = workerId;
    this.millis = millis;
    this.lastMillis = notBeforeMillis;
  }

  @Override
  public synchronized long nextId() {
    long now = millis.getAsLong();
    if (now < lastMillis) {
      now = waitForClockToCatchUp(now);
    }
    if (now == lastMillis) {
      sequence = (sequence + 1) & SEQUENCE_MASK;
      if (sequence == 0) {
        now = nextMillisecond(now);
      }
    } else {
      sequence = 0;
    }
    lastMillis = now;
    return ((now - EPOCH.toEpochMilli()) << (WORKER_BITS + SEQUENCE_BITS))
        | (workerId << SEQUENCE_BITS)
        | sequence;
  }

  /** The creation time encoded in an id of this layout. */
  public static Instant timeOf(long id) {
    return Instant.ofEpochMilli(millisOf(id));
  }

  /**
   * The smallest id of this layout issued at or after the instant (before the epoch: 0): ids
   * sort by time, so "everything since T" is the primary-key range {@code id >= firstIdAt(T)}.
   */
  public static long firstIdAt(Instant instant) {
    return Math.max(0, instant.toEpochMilli() - EPOCH.toEpochMilli()) << (WORKER_BITS + SEQUENCE_BITS);
  }

  static long millisOf(long id) {
    return EPOCH.toEpochMilli() + (id >>> (WORKER_BITS + SEQUENCE_BITS));
  }

  /** The worker id encoded in an id of this layout. */
  public static int workerOf(long id) {
    return (int) ((id >>> SEQUENCE_BITS) & MAX_WORKER_ID);
  }

  private long waitForClockToCatchUp(long now) {
    long behind = lastMillis - now;
    if (behind > MAX_BACKWARD_WAIT_MS) {
      throw new ClockMovedBackwards(behind);
    }
    while (now < lastMillis) {
      Thread.onSpinWait();
      now = millis.getAsLong();
    }
    return now;
  }

  private long nextMillisecond(long now) {
    long next = millis.getAsLong();
    while (next <= now) {
      Thread.onSpinWait();
      next = millis.getAsLong();
    }
    return next;
  }

  /** The clock went back further than the generator can safely wait. */
  public static final class ClockMovedBackwards extends IllegalStateException {
    ClockMovedBackwards(long millis) {
      super("clock moved backwards by " + millis + " ms; refusing to issue ids");
    }
  }
}
