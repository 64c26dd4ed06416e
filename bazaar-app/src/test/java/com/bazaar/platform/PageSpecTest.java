package com.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageSpecTest {

  @Test
  void aPageStartsAtPageTimesSize() {
    assertThat(new PageSpec(0, 20).offset()).isZero();
    assertThat(new PageSpec(3, 20).offset()).isEqualTo(60);
  }

  @Test
  void sizesFrom1To100AreAccepted() {
    assertThat(new PageSpec(0, 1).size()).isEqualTo(1);
    assertThat(new PageSpec(0, PageSpec.MAX_SIZE).size()).isEqualTo(100);
  }

  @Test
  void aNegativePageIsInvalidInputNamingPage() {
    assertThatThrownBy(() -> new PageSpec(-1, 20))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("page"));
  }

  @Test
  void aSizeOutside1To100IsInvalidInputNamingSize() {
    for (int size : new int[] {0, -5, 101, Integer.MAX_VALUE}) {
      assertThatThrownBy(() -> new PageSpec(0, size))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("size"));
    }
  }

  @Test
  void aPageWhoseOffsetWouldOverflowIsRejected() {
    assertThatThrownBy(() -> new PageSpec(Integer.MAX_VALUE, 100))
        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("page"));
  }

  @Test
  void aPageMapsItsContentAndKeepsItsPosition() {
    Page<Integer> page = Page.of(List.of(1, 2, 3), new PageSpec(2, 3), 10);
    Page<String> mapped = page.map(n -> "#" + n);
    assertThat(mapped.content()).containsExactly("#1", "#2", "#3");
    assertThat(mapped.page()).isEqualTo(2);
    assertThat(mapped.size()).isEqualTo(3);
    assertThat(mapped.totalElements()).isEqualTo(10);
    assertThat(mapped.totalPages()).isEqualTo(4);
  }
}
