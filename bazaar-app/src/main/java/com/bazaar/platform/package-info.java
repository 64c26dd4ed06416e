/**
 * Cross-cutting ports and shared kernel: money, ids, time, locks, rate limits, the outbox
 * and the web edge (problem details, trace ids, body limits). An open module: every
 * business module may use it; it depends on none of them.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package com.bazaar.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
