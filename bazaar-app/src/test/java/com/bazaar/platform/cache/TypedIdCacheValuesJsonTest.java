package com.bazaar.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.bazaar.catalog.Category;
import com.bazaar.catalog.ItemDetail;
import com.bazaar.platform.Money;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.CategoryId;
import com.bazaar.platform.id.ItemId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared item cache (Redis, as JSON) holds {@link ItemDetail}, whose ids are an {@link ItemId}
 * and a {@link CategoryId} now, and the category cache the {@link Category} list: the entries keep
 * the bare numbers, so an entry written by a node of the version before
 * reads on this one, and this one's on the older node (a rolling deploy shares the cache).
 */
class TypedIdCacheValuesJsonTest {
  private final JsonCacheValues items =
      new JsonCacheValues(CachedValueType.of("items", ItemDetail.class), new SimpleMeterRegistry());
  private final JsonCacheValues categories =
      new JsonCacheValues(CachedValueType.listOf("categories", Category.class), new SimpleMeterRegistry());
  private final List<Category> tree = List.of(new Category(CategoryId.of(7), "Kitchen", null),
      new Category(CategoryId.of(8), "Teaware", CategoryId.of(7)));
  private final ItemDetail teapot = new ItemDetail(ItemId.of(4242), "Teapot", "Clay", Money.of(9900, "CNY"), 3, CategoryId.of(7),
      Instant.parse("2026-11-30T20:00:00Z"), "/images/teapot.png");

  @Test
  void anItemIsCachedWithItsIdAsABareNumber() {
    String entry = new String(items.serialize(teapot), StandardCharsets.UTF_8);

    assertThat(entry).startsWith("{\"id\":4242,\"title\":\"Teapot\"").contains("\"categoryId\":7,");
    assertThat(items.deserialize(entry.getBytes(StandardCharsets.UTF_8))).isEqualTo(teapot);
  }

  @Test
  void anEntryWrittenBeforeTypedIdsReadsBack() {
    String older = "{\"id\":4242,\"title\":\"Teapot\",\"description\":\"Clay\","
        + "\"price\":{\"amount\":9900,\"currency\":\"CNY\"},\"stock\":3,\"categoryId\":7,"
        + "\"updatedAt\":\"2026-11-30T20:00:00Z\",\"imageUrl\":\"/images/teapot.png\"}";

    assertThat(items.deserialize(older.getBytes(StandardCharsets.UTF_8))).isEqualTo(teapot);
  }

  @Test
  void theCategoryListIsCachedWithItsIdsAsBareNumbers() {
    String entry = new String(categories.serialize(tree), StandardCharsets.UTF_8);

    assertThat(entry).isEqualTo("[{\"id\":7,\"name\":\"Kitchen\",\"parentId\":null},"
        + "{\"id\":8,\"name\":\"Teaware\",\"parentId\":7}]");
    assertThat(categories.deserialize(entry.getBytes(StandardCharsets.UTF_8))).isEqualTo(tree);
  }

  @Test
  void aCategoryListWrittenBeforeTypedIdsReadsBack() {
    String older = "[{\"id\":7,\"name\":\"Kitchen\",\"parentId\":null},"
        + "{\"id\":8,\"name\":\"Teaware\",\"parentId\":7}]"; // the older nodes wrote the null too

    assertThat(categories.deserialize(older.getBytes(StandardCharsets.UTF_8))).isEqualTo(tree);
  }
}
