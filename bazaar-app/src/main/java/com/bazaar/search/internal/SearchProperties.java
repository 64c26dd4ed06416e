package com.bazaar.search.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bazaar.search.*}: which index adapter to use ({@code type}, {@code lucene} by
 * default) and, optionally, a directory to keep the Lucene index in instead of the heap;
 * when a start-up rebuild from the catalog fails, how long until it is tried again
 * ({@code rebuild-retry}, doubled after each failure up to {@code rebuild-retry-max}).
 */
@ConfigurationProperties("bazaar.search")
record SearchProperties(
    @DefaultValue("lucene") String type,
    Path indexPath,
    @DefaultValue("1s") Duration rebuildRetry,
    @DefaultValue("30s") Duration rebuildRetryMax) {}
