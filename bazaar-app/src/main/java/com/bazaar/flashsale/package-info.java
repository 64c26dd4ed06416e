/**
 * Flash sales (stage 12): a few units at a low price for a short window, bought by a storm of
 * buyers. Stock and the per-buyer limit are decided in memory (or one Redis Lua script) without
 * touching the database; accepted purchases become tickets that a rate-limited consumer turns
 * into ordinary orders behind a queue (peak shaving).
 */
@org.jspecify.annotations.NullMarked
package com.bazaar.flashsale;
