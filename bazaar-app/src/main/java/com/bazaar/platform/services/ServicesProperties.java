package com.bazaar.platform.services;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bazaar.services.*}: the internal port (bound to {@code internalAddress}) on which a
 * services-mode process answers the other services and which it registers in ZooKeeper; the
 * timeouts of every remote call; how many times a read is tried (each attempt may reach another
 * instance). Writes are tried once. How many connections a caller keeps open to one instance of a
 * service ({@link ServiceConnections}).
 */
@ConfigurationProperties("bazaar.services")
public record ServicesProperties(
    int internalPort, String internalAddress, Duration connectTimeout, Duration readTimeout, int readAttempts,
    int maxConnectionsPerInstance) {

  public ServicesProperties {
    internalAddress = internalAddress == null ? "127.0.0.1" : internalAddress;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(3) : readTimeout;
    readAttempts = readAttempts < 1 ? 3 : readAttempts;
    maxConnectionsPerInstance = maxConnectionsPerInstance < 1 ? 200 : maxConnectionsPerInstance;
    if (internalPort < 0 || internalPort > 65535) {
      throw new IllegalArgumentException("bazaar.services.internal-port must be a port number, was " + internalPort);
    }
  }
}
