package com.bazaar.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Async delivery of outbox events to module listeners, and scheduled jobs. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class PlatformConfiguration {}
