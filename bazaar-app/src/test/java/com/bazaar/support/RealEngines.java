package com.bazaar.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that needs something beside the JVM — MariaDB (and the replica pair), Redis, RabbitMQ,
 * nginx, Chromium or promtool — which {@code bin/test} provides. Tagged {@value #TAG}, so the quick
 * subset ({@code bin/test --quick}, {@code mvn -Pquick verify}) leaves it out and runs on Java and
 * Maven alone. Inherited: a base class carries it for its subclasses. {@code QuickSubsetTest}
 * checks that no test needing an engine goes without it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(RealEngines.TAG)
public @interface RealEngines {
  String TAG = "engine";
}
