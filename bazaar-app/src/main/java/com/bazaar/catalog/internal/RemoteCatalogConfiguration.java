package com.bazaar.catalog.internal;

import com.bazaar.platform.services.ConditionalOnDeploymentRole;
import com.bazaar.platform.services.Deployment.Role;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * On the web role, the HTTP service client group {@code catalog}: its base URL
 * ({@code lb://catalog}) and timeouts are {@code spring.http.serviceclient.catalog.*}
 * (application-services.yaml); Spring Cloud LoadBalancer resolves {@code lb://catalog} to an
 * instance that ZooKeeper lists, and Spring Boot's RestClient observation carries the trace context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDeploymentRole(Role.WEB)
@ImportHttpServices(group = RemoteCatalog.SERVICE, types = CatalogClient.class)
class RemoteCatalogConfiguration {}
