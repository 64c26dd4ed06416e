package com.bazaar.platform.services;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * {@code bazaar.deployment.*}: the same jar runs as the {@code monolith} (every module in this
 * JVM, role {@code all}; the default) or as one role of the {@code services} deployment:
 * {@code catalog} serves the catalog's module API to the others, {@code web} serves the shop and
 * calls the catalog remotely (docs/services.md, "The cut"). Each role runs its own modules' beans
 * ({@link RoleModules}) and owns their tables in a database of its own.
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

    /**
     * Whether this role runs the module (its beans, and its tables in this role's database). The
     * catalog role runs the catalog (and the platform under every role) alone; the web role runs
     * every module but the catalog's own service, whose module API it calls remotely; the
     * monolith runs all.
     */
    public boolean runs(String module) {
      return this != CATALOG || CATALOG_MODULES.contains(module);
    }

    /** Whether this role's database holds the module's tables: the catalog's are the catalog role's alone. */
    public boolean ownsTablesOf(String module) {
      return this == WEB ? !"catalog".equals(module) : runs(module);
    }

    /** The role {@code bazaar.deployment.role} names, before the properties are bound ({@code all} if none). */
    public static Role of(Environment environment) {
      return Binder.get(environment).bind("bazaar.deployment.role", Role.class).orElse(ALL);
    }
  }

  private static final Set<String> CATALOG_MODULES = Set.of("platform", "catalog");

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
