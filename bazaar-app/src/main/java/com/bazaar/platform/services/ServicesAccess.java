package com.bazaar.platform.services;

import com.bazaar.platform.web.AccessRule;
import com.bazaar.platform.web.HttpAccessRules;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may call the module APIs served to other services (docs/services.md, Security): any caller
 * that reaches the internal port, which is bound to loopback or a private interface and never
 * behind nginx; nobody on the public port, whoever they are. Right after the operations rules, so
 * no module's rule can open {@code /internal/**} to the public port or anything else on the
 * internal one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
final class ServicesAccess implements HttpAccessRules {
  private final InternalPort internalPort;

  ServicesAccess(InternalPort internalPort) {
    this.internalPort = internalPort;
  }

  @Override
  public List<AccessRule> rules() {
    return List.of(
        AccessRule.matching("/internal/** on the internal port", internalPort.serviceCalls()).byAnyone(),
        AccessRule.matching("anything else on the internal port", internalPort.otherInternalPortRequests()).byNobody(),
        AccessRule.paths("/internal/**").byNobody());
  }
}
