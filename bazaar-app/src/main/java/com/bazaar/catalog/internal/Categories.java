package com.bazaar.catalog.internal;

import com.bazaar.catalog.Category;
import com.bazaar.platform.data.DataLayout;
import com.bazaar.platform.data.ReadRouting;
import com.bazaar.platform.id.CategoryId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The categories table, in the catalog's database ({@link DataLayout}); the list is read through {@link ReadRouting}. */
@Repository
class Categories {
  private final JdbcClient jdbc;
  private final ReadRouting reads;

  Categories(DataLayout layout) {
    this.jdbc = layout.of("catalog").jdbc();
    this.reads = layout.of("catalog").reads();
  }

  List<Category> all() {
    return reads.read(
        db -> db.sql("SELECT id, name, parent_id FROM categories ORDER BY sort_order, id")
            .query((rs, n) -> new Category(CategoryId.of(rs.getLong("id")), rs.getString("name"),
                parentId(rs.getObject("parent_id", Long.class))))
            .list());
  }

  private static @Nullable CategoryId parentId(@Nullable Long column) {
    return column == null ? null : CategoryId.of(column); // NULL for a top-level category
  }

  boolean exists(CategoryId id) {
    return jdbc.sql("SELECT COUNT(*) FROM categories WHERE id = ?").param(id.value()).query(Long.class).single() > 0;
  }

  void insert(Category category, int sortOrder) {
    reads.markWritten();
    jdbc.sql("INSERT INTO categories (id, name, parent_id, sort_order) VALUES (?, ?, ?, ?)")
        .param(category.id().value())
        .param(category.name())
        .param(category.parentId() == null ? null : category.parentId().value()) // NULL for a top-level category
        .param(sortOrder)
        .update();
  }
}
