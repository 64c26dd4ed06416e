package com.bazaar.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies say what they mean: {@code "quantity": "2"} or {@code "fromCart": "true"} is a
 * client's mistake answered with 400, not silently converted (Jackson coerces such scalars by
 * default). The one exception is 64-bit ids and amounts ({@code long}), which API.md lets
 * clients send as strings because JavaScript numbers cannot hold every such id exactly.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonScalars {

  @Bean
  JsonMapperBuilderCustomizer strictScalarCoercion() {
    return builder -> builder
        .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Boolean, c -> c
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .withCoercionConfig(Long.class, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
        .withCoercionConfig(long.class, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert));
  }
}
