package com.bazaar.user;

import com.bazaar.platform.Conflict;

/** Registration under a name that someone already has (names compare case-insensitively). */
public final class UsernameTaken extends Conflict {
  public UsernameTaken(String username) {
    super("username is taken: " + username);
  }
}
