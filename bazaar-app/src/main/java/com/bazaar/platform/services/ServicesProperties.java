package com.bazaar.platform.services;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bazaar.services.*}: the internal port (bound to {@code internalAddress}) on which a
 * services-mode process answers the other services and which it registers in ZooKeeper; the
 * timeouts of every remote call; how many times a read is tried (each attempt may reach another
 * instance). Writes are tried once. How many connections a caller keeps open to one instance of a
 * service ({@link ServiceConnections}). An absent value takes its default; a value given as zero
 * or less refuses to start, naming the property, rather than quietly becoming the default (a
 * typo) or meaning "no limit" (a timeout of 0 waits for ever).
 */
@ConfigurationProperties("bazaar.services")
public record ServicesProperties(
    int internalPort, String internalAddress, Duration connectTimeout, Duration readTimeout, Integer readAttempts,
    Integer maxConnectionsPerInstance) {

  public ServicesProperties {
    internalAddress = internalAddress == null ? "127.0.0.1" : internalAddress;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : positive("connect-timeout", connectTimeout);
    readTimeout = readTimeout == null ? Duration.ofSeconds(3) : positive("read-timeout", readTimeout);
    readAttempts = readAttempts == null ? 3 : positive("read-attempts", readAttempts);
    maxConnectionsPerInstance =
        maxConnectionsPerInstance == null ? 200 : positive("max-connections-per-instance", maxConnectionsPerInstance);
    if (internalPort < 0 || internalPort > 65535) {
      throw new IllegalArgumentException("bazaar.services.internal-port must be a port number, was " + internalPort);
    }
  }

  private static int positive(String property, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("bazaar.services." + property + " must be at least 1, was " + value);
    }
    return value;
  }

  private static Duration positive(String property, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("bazaar.services." + property + " must be positive, was " + value);
    }
    return value;
  }
}
