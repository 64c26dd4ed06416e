package com.bazaar.platform.id;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Snowflake ids under a leased worker id (stage 10). The lease is renewed in the
 * background; if renewal fails for longer than the lease (database unreachable, or another
 * node took the id over), this node stops issuing ids rather than risk a duplicate.
 */
final class LeasedIdGenerator implements IdGenerator {
  private static final Logger log = LoggerFactory.getLogger(LeasedIdGenerator.class);

  private final WorkerIdLeases leases;
  private final Clock clock;
  private final long leaseMillis;
  private final WorkerIdLeases.Lease lease;
  private final SnowflakeIdGenerator generator;
  private volatile long validUntil;
  private volatile boolean lost;

  LeasedIdGenerator(WorkerIdLeases leases, Clock clock, Duration leaseDuration) {
    this.leases = leases;
    this.clock = clock;
    this.leaseMillis = leaseDuration.toMillis();
    this.lease = leases.acquire(ownerName(), clock.millis(), leaseMillis);
    this.validUntil = lease.expiresAt();
    this.generator = new SnowflakeIdGenerator(lease.workerId(), clock::millis, lease.notBefore());
    log.info("leased worker id {} until {}", lease.workerId(), java.time.Instant.ofEpochMilli(validUntil));
  }

  int workerId() {
    return lease.workerId();
  }

  @Override
  public long nextId() {
    long id = generator.nextId();
    // Checked on the id itself: its timestamp must fall inside the lease.
    if (lost || SnowflakeIdGenerator.millisOf(id) >= validUntil) {
      throw new WorkerLeaseLost(lease.workerId());
    }
    return id;
  }

  @Scheduled(fixedDelayString = "${bazaar.ids.lease-renew-interval:10s}")
  void renew() {
    if (lost) {
      return;
    }
    long newExpiry = clock.millis() + leaseMillis;
    try {
      if (leases.renew(lease, newExpiry)) {
        validUntil = newExpiry;
      } else {
        lost = true;
        log.error("worker id {} was taken over by another node; no more ids from this node", lease.workerId());
      }
    } catch (RuntimeException e) {
      log.warn("could not renew the lease on worker id {}; it ends {}", lease.workerId(),
          java.time.Instant.ofEpochMilli(validUntil), e);
    }
  }

  @PreDestroy
  void release() {
    lost = true;
    // Ids issued so far are all before now + 1 ms; the next holder starts after that.
    leases.release(lease, clock.millis() + 1);
  }

  /** Unique per process start, readable by an operator: host/pid/random. */
  private static String ownerName() {
    String host = System.getenv().getOrDefault("HOSTNAME", "node");
    String name = host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID();
    return name.length() <= 80 ? name : name.substring(name.length() - 80);
  }

  /** This node no longer holds its worker id; issuing more ids could duplicate another's. */
  static final class WorkerLeaseLost extends IllegalStateException {
    WorkerLeaseLost(int workerId) {
      super("the lease on worker id " + workerId + " is lost; refusing to issue ids");
    }
  }
}
