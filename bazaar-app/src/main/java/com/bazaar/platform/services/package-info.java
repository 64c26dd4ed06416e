/**
 * Stage 14, the services deployment (docs/services.md): which role this process plays, the
 * internal port on which it serves the other services, and how a remote call of a module API is
 * made (timeout, retries for reads only, a circuit breaker, 503 when the service is down).
 */
@org.jspecify.annotations.NullMarked
package com.bazaar.platform.services;
