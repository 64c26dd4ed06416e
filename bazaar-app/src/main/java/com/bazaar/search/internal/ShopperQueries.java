package com.bazaar.search.internal;

import static com.bazaar.search.internal.LuceneItemIndex.DESCRIPTION;
import static com.bazaar.search.internal.LuceneItemIndex.GRAMS;
import static com.bazaar.search.internal.LuceneItemIndex.TITLE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a shopper typed into a {@link ShopperQuery}; built from analyzed terms, never
 * parsed, so no text can make it fail.
 *
 * <p>The text is cut into words by SmartChinese whether or not the shopper put spaces between
 * them ("华为手机" and "华为 手机" both give 华为, 手机), and each word must match in the title or
 * the description, as a word or as its character pairs. Synonyms stack on a word as
 * alternatives ("phone" also finds 手机; a synonym of several words, like "power bank", must
 * match all of them). The last word, if the text does not end in a space and it is Latin
 * letters or digits, also matches as the start of a word ("iPhon" finds "iPhone").
 */
final class ShopperQueries {
  static final float TITLE_BOOST = 3f;
  private static final float PREFIX_WEIGHT = 0.5f;
  private static final int MIN_PREFIX = 2;
  // A prefix is a word being typed; a longer "word" is no word, and its automaton would be huge.
  private static final int MAX_PREFIX = 32;
  // Caps keep any query well below Lucene's 1024 clauses: at most 24 terms of ≤ 20 clauses.
  private static final int MAX_PARTS = 8;
  private static final int MAX_TERMS = 24;
  private static final int MAX_PATHS = 8;
  private static final int MAX_GRAMS = 8;
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  private final ShopperAnalysis analysis;

  ShopperQueries(ShopperAnalysis analysis) {
    this.analysis = analysis;
  }

  ShopperQuery parse(String text) {
    return new Parse().run(text);
  }

  /** The state of one parse: the terms looked for and how many are left to spend. */
  private final class Parse {
    private final Set<String> words = new LinkedHashSet<>();
    private final Set<String> grams = new LinkedHashSet<>();
    private int termsLeft = MAX_TERMS;

    ShopperQuery run(String text) {
      List<Query> parts = new ArrayList<>();
      boolean lastHasSynonyms = false;
      try (CachingTokenFilter tokens = new CachingTokenFilter(analysis.queryWords.tokenStream(TITLE, text))) {
        tokens.reset();
        if (!tokens.incrementToken()) {
          return new ShopperQuery(List.of(), words, grams, null); // the token graph takes no empty stream
        }
        tokens.reset();
        GraphTokenStreamFiniteStrings graph = new GraphTokenStreamFiniteStrings(tokens);
        int[] cuts = graph.articulationPoints();
        int start = 0;
        for (int i = 0; i <= cuts.length && parts.size() < MAX_PARTS && termsLeft > 0; i++) {
          int end = i == cuts.length ? -1 : cuts[i];
          lastHasSynonyms = graph.hasSidePath(start);
          Query part = lastHasSynonyms ? paths(graph.getFiniteStrings(start, end)) : alternatives(graph.getTerms(TITLE, start));
          if (part != null) {
            parts.add(part);
          }
          start = end;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String prefix = lastHasSynonyms || parts.isEmpty() ? null : unfinishedWord(text);
      if (prefix != null) {
        int last = parts.size() - 1;
        parts.set(last, ShopperQuery.combined(List.of(parts.get(last), prefixQuery(prefix)), Occur.SHOULD));
      }
      return new ShopperQuery(parts, words, grams, prefix);
    }

    /** Stacked terms at one position (a word and its one-word synonyms): any of them. */
    private @Nullable Query alternatives(Term[] terms) {
      List<Query> ways = new ArrayList<>();
      for (Term term : terms) {
        if (termsLeft > 0) {
          ways.add(term(term.text()));
        }
      }
      return ways.isEmpty() ? null : ShopperQuery.combined(ways, Occur.SHOULD);
    }

    /** Alternative word sequences (synonyms of several words): all words of any sequence. */
    private @Nullable Query paths(Iterator<TokenStream> paths) throws IOException {
      List<Query> ways = new ArrayList<>();
      while (paths.hasNext() && ways.size() < MAX_PATHS && termsLeft > 0) {
        List<Query> sequence = new ArrayList<>();
        try (TokenStream path = paths.next()) {
          TermToBytesRefAttribute term = path.getAttribute(TermToBytesRefAttribute.class);
          path.reset();
          while (path.incrementToken() && termsLeft > 0) {
            sequence.add(term(term.getBytesRef().utf8ToString()));
          }
        }
        if (!sequence.isEmpty()) {
          ways.add(ShopperQuery.combined(sequence, Occur.MUST));
        }
      }
      return ways.isEmpty() ? null : ShopperQuery.combined(ways, Occur.SHOULD);
    }

    /** One word in the title (weighing more) or the description, as a word or as character pairs. */
    private Query term(String word) {
      termsLeft--;
      words.add(word);
      List<Query> ways = new ArrayList<>();
      ways.add(new BoostQuery(new TermQuery(new Term(TITLE, word)), TITLE_BOOST));
      ways.add(new TermQuery(new Term(DESCRIPTION, word)));
      Set<String> pairs = Set.of();
      if (HAN.matcher(word).find()) {
        pairs = terms(analysis.queryGrams, word);
        grams.addAll(pairs);
      }
      if (!pairs.isEmpty()) {
        ways.add(new BoostQuery(allOf(TITLE + GRAMS, pairs), TITLE_BOOST));
        ways.add(allOf(DESCRIPTION + GRAMS, pairs));
      }
      return ShopperQuery.combined(ways, Occur.SHOULD);
    }
  }

  /** The grams fields hold whole lower-cased Latin words, unstemmed: the right place for a prefix. */
  private static Query prefixQuery(String prefix) {
    return new BoostQuery(ShopperQuery.combined(List.of(
        new BoostQuery(new PrefixQuery(new Term(TITLE + GRAMS, prefix)), TITLE_BOOST),
        new PrefixQuery(new Term(DESCRIPTION + GRAMS, prefix))), Occur.SHOULD), PREFIX_WEIGHT);
  }

  private static @Nullable String unfinishedWord(String text) {
    int start = text.length();
    while (start > 0 && isLatinOrDigit(text.codePointBefore(start))) {
      start -= Character.charCount(text.codePointBefore(start));
    }
    int length = text.length() - start;
    return length < MIN_PREFIX || length > MAX_PREFIX ? null : text.substring(start).toLowerCase(Locale.ROOT);
  }

  private static boolean isLatinOrDigit(int c) {
    return Character.isDigit(c) || Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
  }

  private static Query allOf(String field, Set<String> terms) {
    List<Query> queries = terms.stream().<Query>map(t -> new TermQuery(new Term(field, t))).toList();
    if (queries.size() == 1) {
      return queries.get(0);
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    queries.forEach(q -> query.add(q, Occur.MUST));
    return query.build();
  }

  static Set<String> terms(Analyzer analyzer, String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream tokens = analyzer.tokenStream("", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken() && terms.size() < MAX_GRAMS) {
        terms.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }
}
