package com.bazaar.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.LimitTokenCountFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * How shoppers' text is cut into terms, for the index and for queries.
 *
 * <ul>
 *   <li>{@link #words}: SmartChinese dictionary words; English lower-cased and stemmed.
 *   <li>{@link #indexGrams}: every Chinese character and every pair of neighbouring ones, so
 *       any Chinese word of a query meets the text however the word splitter cut the text.
 *   <li>{@link #queryGrams}: the pairs only (a lone character stays itself), since every pair
 *       of a query word must occur for the word to match.
 *   <li>{@link #queryWords}: the words of a query with their synonyms stacked on them
 *       (SynonymGraphFilter over {@code search/synonyms.txt}, at query time only).
 * </ul>
 */
final class ShopperAnalysis {
  static final String SYNONYMS = "search/synonyms.txt";
  static final int MAX_QUERY_WORDS = 16;

  final Analyzer words = new SmartChineseAnalyzer();
  final Analyzer indexGrams = new GramsWithUnigrams();
  final Analyzer queryGrams = new CJKAnalyzer(CharArraySet.EMPTY_SET);
  final Analyzer queryWords;

  ShopperAnalysis() {
    this.queryWords = new WordsWithSynonyms(synonyms(words));
  }

  private static SynonymMap synonyms(Analyzer words) {
    try (InputStream in = ShopperAnalysis.class.getClassLoader().getResourceAsStream(SYNONYMS)) {
      if (in == null) {
        throw new IllegalStateException(SYNONYMS + " is missing from the classpath");
      }
      SolrSynonymParser parser = new SolrSynonymParser(true, true, words);
      parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SYNONYMS, e);
    } catch (ParseException e) {
      throw new IllegalStateException(SYNONYMS + " line " + e.getErrorOffset() + ": " + e.getMessage(), e);
    }
  }

  /** SmartChineseAnalyzer's chain (words, stems, no punctuation) followed by the synonyms. */
  private static final class WordsWithSynonyms extends Analyzer {
    private final SynonymMap synonyms;

    WordsWithSynonyms(SynonymMap synonyms) {
      this.synonyms = synonyms;
    }

    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer source = new HMMChineseTokenizer();
      TokenStream result = new PorterStemFilter(source);
      result = new StopFilter(result, SmartChineseAnalyzer.getDefaultStopSet());
      result = new ClosingGaps(result);
      // The token graph is analyzed recursively: a query of thousands of words must not reach it.
      result = new LimitTokenCountFilter(result, MAX_QUERY_WORDS);
      return new TokenStreamComponents(source, new SynonymGraphFilter(result, synonyms, true));
    }
  }

  /**
   * Closes the holes that dropped punctuation leaves: "li-ning" is the two words "li ning" to
   * the synonyms, and the token graph of a query ({@code GraphTokenStreamFiniteStrings}) takes
   * no holes.
   */
  private static final class ClosingGaps extends TokenFilter {
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

    ClosingGaps(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      increment.setPositionIncrement(Math.min(increment.getPositionIncrement(), 1));
      return true;
    }
  }

  /** CJKAnalyzer's chain, keeping single characters besides the pairs. */
  private static final class GramsWithUnigrams extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer source = new StandardTokenizer();
      TokenStream result = new CJKWidthFilter(source);
      result = new LowerCaseFilter(result);
      return new TokenStreamComponents(source, new CJKBigramFilter(result, CJKBigramFilter.HAN
          | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, true));
    }
  }
}
