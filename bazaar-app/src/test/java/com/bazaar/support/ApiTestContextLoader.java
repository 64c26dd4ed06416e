package com.bazaar.support;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.opentest4j.TestAbortedException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.boot.test.context.SpringBootContextLoader;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Loads an {@link ApiTest}'s context: the whole app on a random port (Spring Boot's loader), or,
 * while a suite points the API tests at a deployment in other processes ({@link ApiTarget}), a
 * small context of what the tests take from theirs and nothing else: the deployment's port as
 * {@code local.server.port} and {@link RemoteTestItems}. The test context cache keeps that one
 * context for every class, so no app starts in the test's JVM. A test that reaches into a bean of
 * the app (a module API, a health indicator, a {@code JdbcClient}) gets a stand-in that aborts it,
 * naming the bean, when it is used: that test is reported skipped, not failed, and the class's
 * other tests run.
 */
public final class ApiTestContextLoader extends SpringBootContextLoader {
  @Override
  public ApplicationContext loadContext(MergedContextConfiguration config) throws Exception {
    var remote = ApiTarget.remote();
    if (remote.isEmpty()) {
      return super.loadContext(config);
    }
    ApiTarget.Remote deployment = remote.get();
    GenericApplicationContext context = new GenericApplicationContext();
    context.getEnvironment().getPropertySources()
        .addFirst(new MapPropertySource("api-target", Map.of("local.server.port", deployment.port())));
    AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
    context.getDefaultListableBeanFactory().setAutowireCandidateResolver(new AbsentBeansAbortTests());
    context.registerBean(TestItems.class, () -> new RemoteTestItems(deployment));
    context.refresh();
    return context;
  }

  /** Injects, for an interface no bean of the small context has, a stand-in that aborts the test using it. */
  private static final class AbsentBeansAbortTests extends ContextAnnotationAutowireCandidateResolver {
    @Override
    public Object getLazyResolutionProxyIfNecessary(DependencyDescriptor descriptor, String beanName) {
      Class<?> type = descriptor.getDependencyType();
      if (!type.isInterface() || ((ListableBeanFactory) getBeanFactory()).getBeanNamesForType(type).length > 0) {
        return super.getLazyResolutionProxyIfNecessary(descriptor, beanName);
      }
      String reason = "reaches into the app's " + type.getSimpleName() + ", and the app runs in other processes";
      return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> switch (
          method.getName()) {
        case "toString" -> "absent " + type.getSimpleName();
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> throw new TestAbortedException(reason);
      });
    }
  }
}
