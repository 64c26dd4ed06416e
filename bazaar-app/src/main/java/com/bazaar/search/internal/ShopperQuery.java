package com.bazaar.search.internal;

import java.util.List;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;

/**
 * A shopper's query as Lucene queries: one part per word (with its synonyms, and for the
 * word still being typed, its prefix), and the terms it looks for, which the highlighter marks.
 *
 * @param parts one query per word the shopper typed or the word splitter found
 * @param words the word terms (SmartChinese, stemmed English) looked for, synonyms included
 * @param grams the Chinese character pairs (or lone characters) looked for
 * @param prefix the lower-cased start of the last word when it may be unfinished, or null
 */
record ShopperQuery(List<Query> parts, Set<String> words, Set<String> grams, @Nullable String prefix) {

  ShopperQuery {
    parts = List.copyOf(parts);
    words = Set.copyOf(words);
    grams = Set.copyOf(grams);
  }

  boolean isEmpty() {
    return parts.isEmpty();
  }

  /** Items matching every part. */
  Query every() {
    return combined(parts, Occur.MUST);
  }

  /** Items matching any part, best first: the fallback when none matches every part. */
  Query some() {
    return combined(parts, Occur.SHOULD);
  }

  static Query combined(List<Query> queries, Occur occur) {
    if (queries.size() == 1) {
      return queries.get(0);
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    queries.forEach(q -> query.add(q, occur));
    return query.build();
  }
}
