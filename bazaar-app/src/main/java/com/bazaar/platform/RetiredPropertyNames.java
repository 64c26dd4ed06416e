package com.bazaar.platform;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops the start when a setting still uses a name that configuration no longer reads, and says
 * the new name. The renames (one prefix per module, {@code namespace} for every Redis key root)
 * were made everywhere in the repository at once, since nothing outside it sets these names; a
 * setting left under an old name elsewhere (a shell's history, an unmerged branch) would otherwise
 * be ignored in silence — for the sharding switch that means orders written to the wrong database.
 * Checks yaml, command line and environment variables alike ({@code BAZAAR_ORDERS_SHARDING_ENABLED}).
 */
final class RetiredPropertyNames implements EnvironmentPostProcessor {
  /** Old name (or prefix) → the name that replaced it (or why none did). */
  static final Map<String, String> RENAMED =
      Map.of(
          "bazaar.orders", "bazaar.order (e.g. bazaar.order.sharding.enabled)",
          "bazaar.flash.redis.key-prefix", "bazaar.flash.stock.namespace (without the trailing ':')",
          "bazaar.rate-limit.redis.key-prefix", "bazaar.rate-limit.namespace (without the trailing ':')",
          "bazaar.order.limits.max-units-per-item",
          "no setting: the cart's limit per item, Carts.MAX_QUANTITY, bounds an order too");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Set<String> found = new TreeSet<>();
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (source instanceof IterableConfigurationPropertySource names) {
        names.stream().forEach(name -> RENAMED.forEach((old, replacement) -> {
          ConfigurationPropertyName retired = ConfigurationPropertyName.of(old);
          if (retired.equals(name) || retired.isAncestorOf(name)) {
            found.add(name + " is now " + replacement);
          }
        }));
      }
    }
    if (!found.isEmpty()) {
      throw new IllegalStateException("renamed settings: " + String.join("; ", found));
    }
  }
}
