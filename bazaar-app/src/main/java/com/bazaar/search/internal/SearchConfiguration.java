package com.bazaar.search.internal;

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
}
