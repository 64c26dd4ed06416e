package com.bazaar.user.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code bazaar.datasource.user.*}: the user domain's own database; none when the URL is empty. */
@ConfigurationProperties("bazaar.datasource.user")
record UserDatabaseProperties(String url, String username, String password, int maximumPoolSize) {
  UserDatabaseProperties {
    url = url == null ? "" : url;
    username = username == null ? "root" : username;
    password = password == null ? "" : password;
    maximumPoolSize = maximumPoolSize < 1 ? 10 : maximumPoolSize;
  }
}
