package com.bazaar.platform.services;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code bazaar.deployment.role} (default {@code all}) is one of the annotation's roles. */
final class OnDeploymentRoleCondition implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnDeploymentRole.class.getName());
    if (attributes == null) {
      return false;
    }
    String role = context.getEnvironment().getProperty("bazaar.deployment.role", "all").trim().toUpperCase(Locale.ROOT);
    return Arrays.stream((Deployment.Role[]) attributes.get("value")).anyMatch(wanted -> wanted.name().equals(role));
  }
}
