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
  void aPageMustEndWithinTheFirst10000Results() {
    assertThat(new PageSpec(99, 100).offset()).isEqualTo(9_900);
    assertThat(new PageSpec(415, 24).offset()).isEqualTo(9_960);
    int[][] beyond = {{100, 100}, {416, 24}, {10_000, 1}, {21_474_836, 100}, {89_478_485, 24}};
    for (int[] pageAndSize : beyond) {
      assertThatThrownBy(() -> new PageSpec(pageAndSize[0], pageAndSize[1]))
          .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("page"));
    }
  }

  @Test
  void aPagerOffersOnlyThePagesWithinTheWindow() {
    assertThat(Page.of(List.of(), new PageSpec(0, 24), 50_000).reachablePages()).isEqualTo(416);
    assertThat(Page.of(List.of(), new PageSpec(0, 24), 50).reachablePages()).isEqualTo(3);
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
