package com.bazaar.user;

import com.bazaar.platform.Conflict;

/**
 * Registration under a name that someone already has: names compare after NFKC and case
 * folding, and a name that merely looks like another (TR39 skeleton) counts as taken.
 */
public final class UsernameTaken extends Conflict {
  public UsernameTaken(String username) {
    super("refusal.username.taken", username);
  }
}
