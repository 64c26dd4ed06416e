/**
 * Full-text search of the catalog, Chinese and English, through the search-index port (an
 * embedded Lucene index by default), kept fresh by catalog events.
 */
@org.jspecify.annotations.NullMarked
package com.bazaar.search;
