package com.bazaar.catalog.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the picture store adapter; files in a directory unless {@code bazaar.images.type} says otherwise. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImageProperties.class)
class ImageConfiguration {

  @Bean
  @ConditionalOnProperty(name = "bazaar.images.type", havingValue = "file", matchIfMissing = true)
  FileSystemImageStore fileSystemImageStore(ImageProperties properties) {
    return new FileSystemImageStore(properties.dir());
  }
}
