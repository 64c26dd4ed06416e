package com.bazaar.user.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Gives users registered before look-alike checks existed their TR39 skeleton, once, at start
 * (idempotent: only rows without one). Two old names that look alike keep working; the later
 * one stays without a skeleton, which the unique index allows, and is logged for an admin.
 */
@Component
@Order(-1)
class UsernameSkeletons implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(UsernameSkeletons.class);
  private static final int BATCH = 500;
  private final Users users;

  UsernameSkeletons(Users users) {
    this.users = users;
  }

  @Override
  public void run(ApplicationArguments args) {
    long after = Long.MIN_VALUE;
    List<Users.Unskeletoned> batch;
    do {
      batch = users.withoutSkeleton(after, BATCH);
      for (Users.Unskeletoned user : batch) {
        try {
          users.recordSkeleton(user.id(), UsernameRules.skeleton(user.username()));
        } catch (DuplicateKeyException e) {
          log.warn("user {} ('{}') looks like an existing name; left without a skeleton", user.id(),
              user.username().replaceAll("\\p{Cntrl}", "?"));
        }
        after = user.id();
      }
    } while (batch.size() == BATCH);
  }
}
