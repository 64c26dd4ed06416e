package com.bazaar.notification.internal;

import static com.bazaar.platform.time.UtcColumns.toColumn;

import com.bazaar.notification.Notification;
import com.bazaar.platform.PageSpec;
import com.bazaar.platform.id.NotificationId;
import com.bazaar.platform.id.OrderId;
import com.bazaar.platform.time.UtcColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notifications} table; every query names the buyer, which is the ownership check. */
@Repository
class NotificationRows {
  private static final String COLUMNS = "id, order_id, kind, message, created_at, read_at";
  private final JdbcClient jdbc;

  NotificationRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(long id, long buyerId, long orderId, Notification.Kind kind, String message, Instant now) {
    jdbc.sql("INSERT INTO notifications (id, buyer_id, order_id, kind, message, created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(id, buyerId, orderId, kind.name(), message, toColumn(now))
        .update();
  }

  List<Notification> page(long buyerId, PageSpec page) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE buyer_id = ? ORDER BY id DESC LIMIT ? OFFSET ?")
        .params(buyerId, page.size(), page.offset())
        .query((rs, n) -> notification(rs))
        .list();
  }

  long count(long buyerId) {
    return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE buyer_id = ?").param(buyerId).query(Long.class).single();
  }

  Optional<Notification> find(long buyerId, long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE id = ? AND buyer_id = ?")
        .params(id, buyerId)
        .query((rs, n) -> notification(rs))
        .optional();
  }

  /** Uses ix_notifications_unread (buyer_id, read_at). */
  long unreadCount(long buyerId) {
    return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE buyer_id = ? AND read_at IS NULL")
        .param(buyerId)
        .query(Long.class)
        .single();
  }

  int markAllRead(long buyerId, Instant now) {
    return jdbc.sql("UPDATE notifications SET read_at = ? WHERE buyer_id = ? AND read_at IS NULL")
        .params(toColumn(now), buyerId)
        .update();
  }

  /** Sets read_at once; a second call keeps the first time. */
  void markRead(long buyerId, long id, Instant now) {
    jdbc.sql("UPDATE notifications SET read_at = ? WHERE id = ? AND buyer_id = ? AND read_at IS NULL")
        .params(toColumn(now), id, buyerId)
        .update();
  }

  private static Notification notification(ResultSet rs) throws SQLException {
    return new Notification(NotificationId.of(rs.getLong("id")), OrderId.of(rs.getLong("order_id")), Notification.Kind.valueOf(rs.getString("kind")),
        rs.getString("message"), UtcColumns.instant(rs, "created_at"),
        UtcColumns.nullableInstant(rs, "read_at"));
  }
}
