package com.bazaar.platform.services;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * The bean exists only in processes of these roles ({@code bazaar.deployment.role}, {@code all}
 * in the monolith): a module's local implementation where the module runs, its remote client
 * where it does not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnDeploymentRoleCondition.class)
public @interface ConditionalOnDeploymentRole {
  Deployment.Role[] value();
}
