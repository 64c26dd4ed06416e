package com.bazaar.flashsale;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the connections that HTTP request threads take from the pool: every SQL statement
 * needs one, so a request that takes none ran no SQL. Background threads (the flash-order
 * consumers, schedulers) are not counted.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlOnRequestThreads {
  private static final AtomicLong CONNECTIONS = new AtomicLong();

  public static long count() {
    return CONNECTIONS.get();
  }

  @Bean
  static BeanPostProcessor countingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource && !(bean instanceof Counting) ? new Counting(dataSource) : bean;
      }
    };
  }

  private static final class Counting extends DelegatingDataSource {
    Counting(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (Thread.currentThread().getName().contains("-exec-")) {
        CONNECTIONS.incrementAndGet();
      }
      return super.getConnection();
    }
  }
}
