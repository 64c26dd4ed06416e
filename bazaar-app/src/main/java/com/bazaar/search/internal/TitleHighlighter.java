package com.bazaar.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.springframework.web.util.HtmlUtils;

/**
 * Marks the words of a text that a {@link ShopperQuery} looked for, as HTML: the text
 * escaped, each matched stretch in {@code <em>}. The text is analyzed as the index analyzes
 * it and a stretch is marked where a term the query looked for came from, so a Chinese word
 * is marked however the word splitter cut it, and a synonym or prefix match is marked too.
 *
 * <p>Lucene's own highlighters mark the matches of one field at a time; an item's title is
 * indexed as two fields (words and character pairs) whose matches overlap, so the marks of
 * both analyses are merged here, on the offsets Lucene's analysis gives.
 */
final class TitleHighlighter {
  private final ShopperAnalysis analysis;

  TitleHighlighter(ShopperAnalysis analysis) {
    this.analysis = analysis;
  }

  String highlight(String text, ShopperQuery query) {
    boolean[] marked = new boolean[text.length()];
    mark(analysis.words, text, query.words()::contains, marked);
    String prefix = query.prefix();
    mark(analysis.indexGrams, text, term -> query.grams().contains(term) || prefix != null && term.startsWith(prefix), marked);
    StringBuilder html = new StringBuilder(text.length() + 16);
    int from = 0;
    while (from < text.length()) {
      int to = from;
      while (to < text.length() && marked[to] == marked[from]) {
        to++;
      }
      String stretch = HtmlUtils.htmlEscape(text.substring(from, to));
      html.append(marked[from] ? "<em>" + stretch + "</em>" : stretch);
      from = to;
    }
    return html.toString();
  }

  private static void mark(Analyzer analyzer, String text, Predicate<String> wanted, boolean[] marked) {
    try (TokenStream tokens = analyzer.tokenStream("", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        if (wanted.test(term.toString())) {
          for (int i = offset.startOffset(); i < Math.min(offset.endOffset(), marked.length); i++) {
            marked[i] = true;
          }
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
