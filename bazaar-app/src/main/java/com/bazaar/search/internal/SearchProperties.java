package com.bazaar.search.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bazaar.search.*}: which index adapter to use ({@code type}, {@code lucene} by
 * default) and, optionally, a directory to keep the Lucene index in instead of the heap.
 */
@ConfigurationProperties("bazaar.search")
record SearchProperties(@DefaultValue("lucene") String type, Path indexPath) {}
