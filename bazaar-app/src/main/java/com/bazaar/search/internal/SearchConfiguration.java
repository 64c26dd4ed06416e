package com.bazaar.search.internal;

import com.bazaar.catalog.ItemChanged;
import com.bazaar.platform.events.EventSubscription;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the item index adapter; embedded Lucene unless {@code bazaar.search.type} says otherwise. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "bazaar.search.type", havingValue = "lucene", matchIfMissing = true)
  LuceneItemIndex luceneItemIndex(SearchProperties properties) {
    return properties.indexPath() == null
        ? LuceneItemIndex.inMemory()
        : LuceneItemIndex.at(properties.indexPath());
  }

  /** Every node keeps its own index, so every node hears of every change. */
  @Bean
  EventSubscription<ItemChanged> reindexChangedItems(CatalogIndexer indexer) {
    return EventSubscription.everyNode("search.item-changed", ItemChanged.class, indexer::reindex);
  }
}
