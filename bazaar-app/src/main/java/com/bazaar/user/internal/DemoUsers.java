package com.bazaar.user.internal;

import com.bazaar.user.Role;
import com.bazaar.user.UserAccounts;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo admin and shoppers of the embedded default, created once. */
@Component
@Order(0)
@ConditionalOnProperty(name = "bazaar.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {
  static final List<String> SHOPPERS = List.of("alice", "bob", "carol");
  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private final UserAccounts accounts;
  private final String adminUsername;
  private final String adminPassword;
  private final String shopperPassword;

  DemoUsers(
      UserAccounts accounts,
      @Value("${bazaar.demo.admin-username}") String adminUsername,
      @Value("${bazaar.demo.admin-password}") String adminPassword,
      @Value("${bazaar.demo.shopper-password}") String shopperPassword) {
    this.accounts = accounts;
    this.adminUsername = adminUsername;
    this.adminPassword = adminPassword;
    this.shopperPassword = shopperPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!accounts.exists(adminUsername)) {
      accounts.register(adminUsername, adminPassword, adminUsername + "@bazaar.example",
          Set.of(Role.USER, Role.ADMIN));
      log.info("demo admin '{}' created", adminUsername);
    }
    for (String shopper : SHOPPERS) {
      if (!accounts.exists(shopper)) {
        accounts.register(shopper, shopperPassword, shopper + "@bazaar.example");
      }
    }
  }
}
