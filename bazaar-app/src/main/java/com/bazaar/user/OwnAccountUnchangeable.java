package com.bazaar.user;

import com.bazaar.platform.Conflict;

/** An admin tried to disable or demote their own account; another admin has to do that. */
public final class OwnAccountUnchangeable extends Conflict {
  public OwnAccountUnchangeable(String change) {
    super("you cannot " + change + " your own account; ask another admin");
  }
}
