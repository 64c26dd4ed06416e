package com.bazaar.platform.data;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * {@code bazaar.datasource.<domain>.*}: a business domain's own database (stage 8, profile
 * {@code split}); none, so the domain stays in the main database, when the URL is empty.
 * {@code replicaUrl}: its copy on the replica server, read from when read/write splitting is
 * on (profile {@code replica}).
 */
public record DomainDatabaseProperties(
    String url, String username, String password, int maximumPoolSize, int minimumIdle, String replicaUrl) {
  public DomainDatabaseProperties {
    url = url == null ? "" : url;
    replicaUrl = replicaUrl == null ? "" : replicaUrl;
    username = username == null ? "root" : username;
    password = password == null ? "" : password;
    maximumPoolSize = maximumPoolSize < 1 ? 10 : maximumPoolSize;
    // A domain pool grows on demand instead of holding all its connections from the start.
    minimumIdle = minimumIdle < 1 ? Math.min(2, maximumPoolSize) : Math.min(minimumIdle, maximumPoolSize);
  }

  @SuppressWarnings("NullAway") // absent keys are null, as the binder passes them; the constructor defaults them
  public static DomainDatabaseProperties of(Environment environment, String domain) {
    return Binder.get(environment)
        .bind("bazaar.datasource." + domain, DomainDatabaseProperties.class)
        .orElseGet(() -> new DomainDatabaseProperties("", null, null, 0, 0, null));
  }

  public boolean separate() {
    return !url.isBlank();
  }
}
