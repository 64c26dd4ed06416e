package com.bazaar.storefront;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages' few script files under /js (the order page's countdown), served like the stylesheets
 * under /css (application.yaml): a handler of their own, so no other link is looked up as a
 * classpath resource. Pages work without them; the Content-Security-Policy allows only these.
 */
@Configuration(proxyBeanMethods = false)
class ScriptFiles implements WebMvcConfigurer {
  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/js/**")
        .addResourceLocations("classpath:/static/js/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)));
  }
}
