package com.bazaar.user;

import com.bazaar.platform.Conflict;

/** An admin tried to disable or demote their own account; another admin has to do that. */
public final class OwnAccountUnchangeable extends Conflict {
  private OwnAccountUnchangeable(String code) {
    super(code);
  }

  public static OwnAccountUnchangeable disabling() {
    return new OwnAccountUnchangeable("refusal.account.ownDisable");
  }

  public static OwnAccountUnchangeable demoting() {
    return new OwnAccountUnchangeable("refusal.account.ownDemote");
  }
}
