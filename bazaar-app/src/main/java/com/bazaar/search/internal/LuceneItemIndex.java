package com.bazaar.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The item index on embedded Lucene, in memory by default or in a directory on disk.
 *
 * <p>Each text is indexed twice (see {@link ShopperAnalysis}): as SmartChinese words, with
 * English lower-cased and stemmed ("Earbuds" → "earbud"), and as Chinese characters and
 * pairs of characters, because the word splitter is context-sensitive: it may keep "智能手机"
 * whole in a title yet split a query of "手机" on its own, and then only the pairs still meet.
 * Queries are built by {@link ShopperQueries}: compound words typed without spaces, bilingual
 * synonyms and the prefix of the word being typed.
 *
 * <p>Every word the user typed must match (in the title or the description); if that finds
 * nothing, any word may match. Title matches weigh three times description matches.
 * A write is visible to the next search at once (near-real-time reader refreshed after it).
 */
final class LuceneItemIndex implements ItemIndex, AutoCloseable {
  static final String ID = "id";
  static final String TITLE = "title";
  static final String DESCRIPTION = "description";
  static final String CATEGORY = "categoryId";
  static final String GRAMS = ".grams";

  private final Directory directory;
  private final ShopperQueries queries;
  private final TitleHighlighter highlighter;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  // Held while rebuilding so that no other write publishes a half-built index to readers.
  private final ReentrantLock publishing = new ReentrantLock();

  private LuceneItemIndex(Directory directory) {
    this.directory = directory;
    ShopperAnalysis analysis = new ShopperAnalysis();
    this.queries = new ShopperQueries(analysis);
    this.highlighter = new TitleHighlighter(analysis);
    Analyzer perField = new PerFieldAnalyzerWrapper(
        analysis.words, Map.of(TITLE + GRAMS, analysis.indexGrams, DESCRIPTION + GRAMS, analysis.indexGrams));
    try {
      this.writer = new IndexWriter(directory, new IndexWriterConfig(perField));
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index", e);
    }
  }

  /** An index that lives in the heap and is rebuilt at every start. */
  static LuceneItemIndex inMemory() {
    return new LuceneItemIndex(new ByteBuffersDirectory());
  }

  /** An index kept in a directory on disk. */
  static LuceneItemIndex at(Path path) {
    try {
      return new LuceneItemIndex(FSDirectory.open(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index at " + path, e);
    }
  }

  @Override
  public void index(IndexedItem item) {
    write(() -> writer.updateDocument(idTerm(item.id()), document(item)));
  }

  @Override
  public void remove(long itemId) {
    write(() -> writer.deleteDocuments(idTerm(itemId)));
  }

  @Override
  public void clear() {
    write(writer::deleteAll);
  }

  @Override
  public long rebuild(Consumer<Consumer<IndexedItem>> source) {
    AtomicLong indexed = new AtomicLong();
    publishing.lock();
    try {
      writer.deleteAll();
      source.accept(item -> {
        try {
          writer.updateDocument(idTerm(item.id()), document(item));
          indexed.incrementAndGet();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      writer.commit();
      searchers.maybeRefreshBlocking();
      return indexed.get();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rebuild the search index", e);
    } finally {
      publishing.unlock();
    }
  }

  @Override
  public SearchHits search(String text, int offset, int limit) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be ≥ 0 and limit ≥ 1");
    }
    ShopperQuery query = queries.parse(text == null ? "" : text);
    if (query.isEmpty()) {
      return SearchHits.none();
    }
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        SearchHits hits = search(searcher, query.every(), offset, limit);
        if (hits.total() == 0 && query.parts().size() > 1) {
          hits = search(searcher, query.some(), offset, limit);
        }
        return hits.highlightedBy(title -> highlighter.highlight(title, query));
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search failed", e);
    }
  }

  @Override
  public long count() {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    writer.close();
    directory.close();
  }

  private SearchHits search(IndexSearcher searcher, Query query, int offset, int limit) throws IOException {
    // The collector allocates its queue of `wanted` hits up front, so never ask for more hits
    // than the index holds: a deep offset must not cost memory the index could never fill.
    int wanted = (int) Math.max(1, Math.min((long) offset + limit, searcher.getIndexReader().maxDoc()));
    if (offset >= wanted) {
      return SearchHits.of(List.of(), searcher.count(query));
    }
    // Counting every hit (threshold MAX_VALUE) gives an exact total rather than "1000 or more".
    TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE));
    List<Long> ids = new ArrayList<>();
    var storedFields = searcher.storedFields();
    for (int i = offset; i < top.scoreDocs.length; i++) {
      ScoreDoc hit = top.scoreDocs[i];
      ids.add(Long.parseLong(storedFields.document(hit.doc).get(ID)));
    }
    return SearchHits.of(ids, top.totalHits.value);
  }

  private static Document document(IndexedItem item) {
    Document doc = new Document();
    doc.add(new StringField(ID, String.valueOf(item.id()), Field.Store.YES));
    doc.add(new TextField(TITLE, item.title(), Field.Store.NO));
    doc.add(new TextField(TITLE + GRAMS, item.title(), Field.Store.NO));
    doc.add(new TextField(DESCRIPTION, item.description(), Field.Store.NO));
    doc.add(new TextField(DESCRIPTION + GRAMS, item.description(), Field.Store.NO));
    doc.add(new StringField(CATEGORY, String.valueOf(item.categoryId()), Field.Store.NO));
    return doc;
  }

  private static Term idTerm(long itemId) {
    return new Term(ID, String.valueOf(itemId));
  }

  private void write(IndexWrite change) {
    try {
      change.run();
      writer.commit();
      publishing.lock();
      try {
        searchers.maybeRefreshBlocking();
      } finally {
        publishing.unlock();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the search index", e);
    }
  }

  @FunctionalInterface
  private interface IndexWrite {
    void run() throws IOException;
  }
}
