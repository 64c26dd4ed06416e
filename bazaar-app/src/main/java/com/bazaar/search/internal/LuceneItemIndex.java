package com.bazaar.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Embedded Lucene adapter. SmartChineseAnalyzer segments Chinese text into words and
 * lower-cases and stems English, so "手机" finds "智能手机" and "earbud" finds "Earbuds".
 * User text is never parsed as Lucene query syntax: it is analysed into terms, so no input
 * can make a query fail. Title matches weigh three times description matches.
 */
final class LuceneItemIndex implements ItemIndex, AutoCloseable {
  /** Deeper pages are refused: scoring cost grows with offset + limit. */
  static final int MAX_WINDOW = 10_000;
  private static final float TITLE_BOOST = 3f;

  private final Analyzer analyzer = new SmartChineseAnalyzer();
  private final IndexWriter writer;
  private final SearcherManager searchers;

  LuceneItemIndex(Directory directory) {
    try {
      this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void index(IndexedItem item) {
    write(() -> writer.updateDocument(idTerm(item.id()), document(item)));
  }

  @Override
  public void indexAll(List<IndexedItem> items) {
    write(() -> {
      for (IndexedItem item : items) {
        writer.updateDocument(idTerm(item.id()), document(item));
      }
    });
  }

  private static Term idTerm(long itemId) {
    return new Term("id", Long.toString(itemId));
  }

  private static Document document(IndexedItem item) {
    Document doc = new Document();
    doc.add(new StringField("id", Long.toString(item.id()), Field.Store.YES));
    doc.add(new TextField("title", item.title(), Field.Store.NO));
    doc.add(new TextField("description", item.description(), Field.Store.NO));
    doc.add(new LongPoint("categoryId", item.categoryId()));
    return doc;
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
  public long count() {
    return withSearcher(searcher -> (long) searcher.count(new MatchAllDocsQuery()));
  }

  @Override
  public Hits search(String text, int offset, int limit) {
    Query query = queryFor(text);
    if (query == null) {
      return new Hits(List.of(), 0);
    }
    return withSearcher(
        searcher -> {
          long total = searcher.count(query);
          int window = Math.min(offset + limit, MAX_WINDOW);
          if (offset >= window) {
            return new Hits(List.of(), total);
          }
          TopDocs top = searcher.search(query, window);
          List<Long> ids = new ArrayList<>();
          var stored = searcher.storedFields();
          for (int i = offset; i < top.scoreDocs.length; i++) {
            ScoreDoc hit = top.scoreDocs[i];
            ids.add(Long.parseLong(stored.document(hit.doc).get("id")));
          }
          return new Hits(ids, total);
        });
  }

  private Query queryFor(String text) {
    QueryBuilder builder = new QueryBuilder(analyzer);
    Query title = builder.createBooleanQuery("title", text, BooleanClause.Occur.SHOULD);
    Query description = builder.createBooleanQuery("description", text, BooleanClause.Occur.SHOULD);
    if (title == null && description == null) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    if (title != null) {
      query.add(new BoostQuery(title, TITLE_BOOST), BooleanClause.Occur.SHOULD);
    }
    if (description != null) {
      query.add(description, BooleanClause.Occur.SHOULD);
    }
    return query.build();
  }

  private void write(IndexWrite change) {
    try {
      change.run();
      // Near-real-time: no commit needed (the index is rebuilt at start-up); the blocking
      // refresh makes the change searchable before index() returns.
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.apply(searcher);
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
    analyzer.close();
  }

  private interface IndexWrite {
    void run() throws IOException;
  }

  private interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }
}
