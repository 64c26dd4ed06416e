package com.bazaar.platform.observability;

import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.HttpAccessRules;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may call the actuator (docs/security.md, Operations endpoints). First of all rules: on the
 * loopback metrics port only the meters and the log levels are served, whatever another module
 * opens on the shop's port.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class OperationsAccess implements HttpAccessRules {
  private final MetricsPort metricsPort;

  OperationsAccess(MetricsPort metricsPort) {
    this.metricsPort = metricsPort;
  }

  @Override
  public List<AccessRule> rules() {
    return List.of(
        AccessRule.matching("meters on the metrics port", metricsPort.scrapes()).byAnyone(),
        AccessRule.matching("log levels on the metrics port", metricsPort.logLevels()).byAnyone(),
        AccessRule.matching("anything else on the metrics port", metricsPort.otherMetricsPortRequests()).byNobody(),
        // Probes for balancers and orchestrators; details only for admins (show-details: when-authorized).
        AccessRule.paths("/actuator/health", "/actuator/health/**", "/actuator/info").byAnyone(),
        // Meters name paths, login failures and pool sizes.
        AccessRule.paths("/actuator", "/actuator/**").byAdmins());
  }
}
