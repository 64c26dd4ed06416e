package com.bazaar.platform.services;

import com.bazaar.platform.services.Deployment.Role;
import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.HttpAccessPolicy;
import com.bazaar.platform.web.ProblemResponses;
import com.bazaar.platform.web.SecurityHeaders;
import com.bazaar.platform.web.UnmappedRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chain of a catalog process, which runs no user module: nobody signs in there (the
 * shop's logins, sessions and admin pages are the web role's). The same module rules as the
 * shop's chain decide ({@link HttpAccessPolicy}: {@link ServicesAccess} first, so the module API
 * answers on the internal port only), but only what they open to anyone is served; what needs a
 * signed-in shopper or an admin is refused, and so is whatever no rule opens. No session, no
 * CSRF token: no browser holds a cookie for this process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDeploymentRole(Role.CATALOG)
class ServiceRoleSecurity {
  @Bean
  SecurityFilterChain serviceRoleFilterChain(HttpSecurity http, HttpAccessPolicy policy, UnmappedRequests unmapped)
      throws Exception {
    http.authorizeHttpRequests(authorize -> {
          for (AccessRule rule : policy.rules()) {
            var requests = authorize.requestMatchers(rule.matcher());
            if (rule.access() == AccessRule.Access.ANYONE) {
              requests.permitAll();
            } else {
              requests.denyAll();
            }
          }
          authorize.requestMatchers(unmapped).permitAll(); // keeps its 404 / 405
          authorize.anyRequest().denyAll();
        })
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY)))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint((request, response, e) ->
                ProblemResponses.write(response, HttpStatus.FORBIDDEN, "not served by this service"))
            .accessDeniedHandler((request, response, e) ->
                ProblemResponses.write(response, HttpStatus.FORBIDDEN, "not served by this service")));
    return http.build();
  }

  /** Nobody signs in here: in place of the generated user Spring Boot would make and log the password of. */
  @Bean
  UserDetailsService nobodySignsIn() {
    return username -> {
      throw new UsernameNotFoundException("nobody signs in to a " + Role.CATALOG.serviceId() + " process");
    };
  }
}
