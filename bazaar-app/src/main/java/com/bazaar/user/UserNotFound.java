package com.bazaar.user;

import com.bazaar.platform.NotFound;
import com.bazaar.platform.id.UserId;

/** No account with this id. */
public final class UserNotFound extends NotFound {
  public UserNotFound(long userId) {
    super("refusal.notFound.user", userId);
  }

  public UserNotFound(UserId userId) {
    this(userId.value());
  }
}
