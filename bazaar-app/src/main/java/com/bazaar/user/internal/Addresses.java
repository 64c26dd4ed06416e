package com.bazaar.user.internal;

import static com.bazaar.platform.time.UtcColumns.toColumn;

import com.bazaar.platform.data.DataLayout;
import com.bazaar.platform.id.AddressId;
import com.bazaar.user.Address;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The addresses table, beside the users in the user module's database. Every query names the owner. */
@Repository
class Addresses {
  private static final String COLUMNS = "id, recipient, phone, region, city, line, postcode, is_default";
  private final JdbcClient jdbc;

  Addresses(DataLayout layout) {
    this.jdbc = layout.of("user").jdbc();
  }

  List<Address> of(long userId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM addresses WHERE user_id = ? ORDER BY is_default DESC, id DESC")
        .param(userId)
        .query((rs, n) -> address(rs))
        .list();
  }

  Optional<Address> find(long userId, long addressId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM addresses WHERE id = ? AND user_id = ?")
        .params(addressId, userId)
        .query((rs, n) -> address(rs))
        .optional();
  }

  Optional<Address> defaultOf(long userId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM addresses WHERE user_id = ? AND is_default = TRUE")
        .param(userId)
        .query((rs, n) -> address(rs))
        .optional();
  }

  /** Holds the owner's row until the transaction ends, so two writes to one book take turns (the limit, the default). */
  boolean lockOwner(long userId) {
    return !jdbc.sql("SELECT id FROM users WHERE id = ? FOR UPDATE").param(userId).query(Long.class).list().isEmpty();
  }

  int count(long userId) {
    return jdbc.sql("SELECT COUNT(*) FROM addresses WHERE user_id = ?").param(userId).query(Integer.class).single();
  }

  void insert(long userId, long id, AddressRules.Checked a, boolean isDefault, Instant at) {
    jdbc.sql("""
            INSERT INTO addresses (id, user_id, recipient, phone, region, city, line, postcode, is_default, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, userId, a.recipient(), a.phone(), a.region(), a.city(), a.line(), a.postcode(), isDefault,
            toColumn(at))
        .update();
  }

  void update(long userId, long id, AddressRules.Checked a) {
    jdbc.sql("""
            UPDATE addresses SET recipient = ?, phone = ?, region = ?, city = ?, line = ?, postcode = ?
            WHERE id = ? AND user_id = ?""")
        .params(a.recipient(), a.phone(), a.region(), a.city(), a.line(), a.postcode(), id, userId)
        .update();
  }

  /** Makes this address the owner's only default. */
  void makeDefault(long userId, long id) {
    jdbc.sql("UPDATE addresses SET is_default = (id = ?) WHERE user_id = ?").params(id, userId).update();
  }

  boolean delete(long userId, long id) {
    return jdbc.sql("DELETE FROM addresses WHERE id = ? AND user_id = ?").params(id, userId).update() == 1;
  }

  Optional<Long> newest(long userId) {
    return jdbc.sql("SELECT MAX(id) FROM addresses WHERE user_id = ?").param(userId).query(Long.class).optional();
  }

  private static Address address(ResultSet rs) throws SQLException {
    return new Address(AddressId.of(rs.getLong("id")), rs.getString("recipient"), rs.getString("phone"), rs.getString("region"),
        rs.getString("city"), rs.getString("line"), rs.getString("postcode"), rs.getBoolean("is_default"));
  }
}
