package com.bazaar.platform.services;

import com.bazaar.platform.services.Deployment.Role;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Leaves out of component scanning the beans of every module this process's role does not run
 * ({@link Role#runs}): a catalog process builds no carts, orders or storefront, so none of their
 * jobs run against a database that does not hold their tables. A module left out may still give
 * the role a bean it declares for that role ({@link ConditionalOnDeploymentRole}): its remote
 * client. Registered before scanning by the initializer below (META-INF/spring.factories), the
 * way Spring Boot's own {@link TypeExcludeFilter}s are.
 */
final class RoleModules extends TypeExcludeFilter {
  private static final String ROOT = "com.bazaar.";

  private final Role role;

  RoleModules(Role role) {
    this.role = role;
  }

  @Override
  public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
    String className = reader.getClassMetadata().getClassName();
    if (!className.startsWith(ROOT)) {
      return false;
    }
    String rest = className.substring(ROOT.length());
    int dot = rest.indexOf('.');
    if (dot < 0 || role.runs(rest.substring(0, dot))) {
      return false;
    }
    return !reader.getAnnotationMetadata().hasAnnotation(ConditionalOnDeploymentRole.class.getName());
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof RoleModules that && that.role == role;
  }

  @Override
  public int hashCode() {
    return role.hashCode();
  }

  /** Puts the role's filter in the bean factory, where {@link TypeExcludeFilter} looks for it. */
  static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      Role role = Role.of(context.getEnvironment());
      if (role != Role.ALL) {
        context.getBeanFactory().registerSingleton(RoleModules.class.getName(), new RoleModules(role));
      }
    }
  }
}
