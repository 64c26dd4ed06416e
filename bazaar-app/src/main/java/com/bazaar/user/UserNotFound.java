package com.bazaar.user;

import com.bazaar.platform.NotFound;

/** No account with this id. */
public final class UserNotFound extends NotFound {
  public UserNotFound(long userId) {
    super("refusal.notFound.user", userId);
  }
}
