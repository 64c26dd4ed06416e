package com.bazaar.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Selects the search-index adapter: embedded Lucene (default), in memory unless
 * {@code bazaar.search.index-path} names a directory.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "bazaar.search.type", havingValue = "lucene", matchIfMissing = true)
  LuceneItemIndex luceneItemIndex(@Value("${bazaar.search.index-path:}") String indexPath) throws IOException {
    Directory directory =
        indexPath.isBlank() ? new ByteBuffersDirectory() : FSDirectory.open(Path.of(indexPath));
    return new LuceneItemIndex(directory);
  }
}
