package com.bazaar.platform.web;

import java.util.List;

/**
 * The requests one module opens, and to whom. Each module that serves HTTP declares a bean of
 * this type beside its controllers; the security configuration applies every module's rules in
 * {@link org.springframework.core.annotation.Order @Order} (first match wins, so only rules
 * that must beat others, like the metrics port's, need an order) and refuses every request
 * that none of them covers. A new endpoint is therefore closed until its module opens it
 * ({@code EndpointSecurityTest} lists every endpoint with its audience).
 */
@FunctionalInterface
public interface HttpAccessRules {
  List<AccessRule> rules();
}
