package com.bazaar.platform;

import java.util.List;
import java.util.function.Function;

/** One page of results, shaped as API.md's paging answer. */
public record Page<T>(List<T> content, int page, int size, long totalElements) {

  public static <T> Page<T> of(List<T> content, PageSpec spec, long totalElements) {
    return new Page<>(List.copyOf(content), spec.page(), spec.size(), totalElements);
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(content.stream().<R>map(mapper).toList(), page, size, totalElements);
  }

  public int totalPages() {
    return (int) ((totalElements + size - 1) / size);
  }

  /** The pages a pager may link to: all of them, or those within {@link PageSpec#MAX_WINDOW}. */
  public int reachablePages() {
    return Math.min(totalPages(), PageSpec.reachablePages(size));
  }
}
