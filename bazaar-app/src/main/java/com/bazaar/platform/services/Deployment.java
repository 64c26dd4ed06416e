package com.bazaar.platform.services;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bazaar.deployment.*}: the same jar runs as the {@code monolith} (every module in this
 * JVM, role {@code all}; the default) or as one role of the {@code services} deployment:
 * {@code catalog} serves the catalog's module API to the others, {@code web} serves the shop and
 * calls the catalog remotely (docs/services.md, "The cut").
 */
@ConfigurationProperties("bazaar.deployment")
public record Deployment(Mode mode, Role role) {

  /** How the modules are deployed. */
  public enum Mode {
    MONOLITH,
    SERVICES
  }

  /** What this process serves. */
  public enum Role {
    ALL,
    CATALOG,
    WEB;

    /** The service id in the registry ({@code lb://catalog}). */
    public String serviceId() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Deployment {
    mode = mode == null ? Mode.MONOLITH : mode;
    role = role == null ? Role.ALL : role;
    if (mode == Mode.MONOLITH && role != Role.ALL) {
      throw new IllegalArgumentException("bazaar.deployment.role=" + role.serviceId()
          + " needs bazaar.deployment.mode=services (profile services); the monolith is role all");
    }
    if (mode == Mode.SERVICES && role == Role.ALL) {
      throw new IllegalArgumentException(
          "bazaar.deployment.mode=services needs bazaar.deployment.role: catalog or web");
    }
  }

  public boolean isMonolith() {
    return mode == Mode.MONOLITH;
  }
}
