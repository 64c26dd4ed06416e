package com.bazaar.storefront;

import com.bazaar.cart.CartChanged;
import com.bazaar.cart.Carts;
import com.bazaar.platform.id.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The header's cart count of a logged-in shopper, asked only when the header is drawn (like
 * {@link Bell}) and kept in the shopper's session for {@link Counts#FRESH}: a shopper browsing
 * page after page costs one count a minute, not one per page. A change made in this session
 * (cart pages, the cart API, placing an order; on any node, the session is shared) drops the
 * kept count at once; a change from the shopper's other devices shows within a minute. Visitors
 * have no session and no count, and this never creates a session.
 */
public final class CartBadge {
  private static final Logger log = LoggerFactory.getLogger(CartBadge.class);
  static final String ATTRIBUTE = "bazaar.cartUnits";

  private final Carts carts;
  private final long userId;
  private final HttpServletRequest request;
  private final Clock clock;
  private long units = -1;

  CartBadge(Carts carts, long userId, HttpServletRequest request, Clock clock) {
    this.carts = carts;
    this.userId = userId;
    this.request = request;
    this.clock = clock;
  }

  /** Units in the cart, or 0 when they cannot be counted now. */
  public long units() {
    if (units < 0) {
      units = kept().orElseGet(this::count);
    }
    return units;
  }

  private Optional<Long> kept() {
    HttpSession session = request.getSession(false);
    Object kept = session == null ? null : session.getAttribute(ATTRIBUTE);
    return kept instanceof String text ? Counts.parse(text, userId, clock.millis()) : Optional.empty();
  }

  private long count() {
    try {
      long counted = carts.units(UserId.of(userId));
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.setAttribute(ATTRIBUTE, Counts.format(userId, counted, clock.millis()));
      }
      return counted;
    } catch (RuntimeException e) {
      log.warn("cart count of {} not shown: {}", userId, e.toString());
      return 0;
    }
  }

  /** The kept count as plain text ("user:units:millis"), whatever serializer the session store uses. */
  static final class Counts {
    static final Duration FRESH = Duration.ofMinutes(1);

    private Counts() {}

    static String format(long userId, long units, long nowMillis) {
      return userId + ":" + units + ":" + nowMillis;
    }

    static Optional<Long> parse(String text, long userId, long nowMillis) {
      String[] parts = text.split(":");
      if (parts.length != 3 || !parts[0].equals(String.valueOf(userId))) {
        return Optional.empty();
      }
      try {
        long at = Long.parseLong(parts[2]);
        boolean fresh = nowMillis >= at && nowMillis - at < FRESH.toMillis();
        return fresh ? Optional.of(Long.parseLong(parts[1])) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  /** Drops the kept count of the session whose request changed the cart. */
  @Component
  static final class Invalidation {
    @EventListener
    void on(CartChanged changed) {
      if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
        HttpSession session = attributes.getRequest().getSession(false);
        if (session != null) {
          session.removeAttribute(ATTRIBUTE);
        }
      }
    }
  }
}
