package com.bazaar.platform.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

/**
 * The in-memory session store with a cap: past {@code bazaar.session.max-sessions} the session
 * used least recently (read or written) is dropped, so no flood of logins can fill the heap. Only
 * logins and carts create sessions (anonymous pages and API calls do not), so under the cap
 * nobody active is ever evicted; above it the idlest shopper is logged out first.
 */
final class BoundedMapSessionRepository extends MapSessionRepository {
  private final Map<String, Session> sessions;

  private BoundedMapSessionRepository(Map<String, Session> sessions) {
    super(sessions);
    this.sessions = sessions;
  }

  static BoundedMapSessionRepository withCapacity(int maxSessions) {
    if (maxSessions < 1) {
      throw new IllegalArgumentException("bazaar.session.max-sessions must be at least 1, was " + maxSessions);
    }
    return new BoundedMapSessionRepository(Collections.synchronizedMap(new LeastRecentlyUsed(maxSessions)));
  }

  /** How many sessions the store holds now, expired ones not yet purged included. */
  int count() {
    return sessions.size();
  }

  /** MapSessionRepository only notices expiry on read; this keeps abandoned sessions from piling up. */
  void purgeExpired() {
    sessions.values().removeIf(Session::isExpired);
  }

  /** Access order: every get and put moves a session to the young end. */
  private static final class LeastRecentlyUsed extends LinkedHashMap<String, Session> {
    private final int capacity;

    LeastRecentlyUsed(int capacity) {
      super(16, 0.75f, true);
      this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
      return size() > capacity;
    }
  }
}
