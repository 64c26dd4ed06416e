package com.bazaar.search.internal;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.springframework.web.util.HtmlUtils;

/**
 * The search module's port onto a full-text index of items. Writes are idempotent:
 * indexing an item again replaces its previous document, so replayed catalog events are
 * harmless. Searches never fail on what a user typed: text that yields no terms finds nothing.
 */
interface ItemIndex {

  /** Adds the item, or replaces the document already indexed under its id. */
  void index(IndexedItem item);

  /**
   * Replaces the whole index with the items that {@code source} hands to its sink, and
   * answers how many it indexed. Searches keep seeing the previous index until it is done.
   */
  long rebuild(Consumer<Consumer<IndexedItem>> source);

  void remove(long itemId);

  /** Ids of matching items, best match first, from {@code offset}, at most {@code limit}. */
  SearchHits search(String query, int offset, int limit);

  /** How many items the index holds. */
  long count();

  void clear();

  /**
   * One page of matches: ids in rank order, how many items match in all, and how to mark the
   * words the query matched in a title (as HTML, the rest escaped).
   */
  record SearchHits(List<Long> ids, long total, UnaryOperator<String> highlighter) {
    public SearchHits {
      ids = List.copyOf(ids);
    }

    static SearchHits of(List<Long> ids, long total) {
      return new SearchHits(ids, total, HtmlUtils::htmlEscape);
    }

    static SearchHits none() {
      return of(List.of(), 0);
    }

    SearchHits highlightedBy(UnaryOperator<String> titleHighlighter) {
      return new SearchHits(ids, total, titleHighlighter);
    }

    String highlight(String title) {
      return highlighter.apply(title);
    }
  }
}
