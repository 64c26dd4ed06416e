/**
 * The API for developers: an OpenAPI 3 description of {@code /api/**} generated from the
 * controllers (springdoc), and Swagger UI to read and try it (docs/API.md, "For developers").
 */
@org.jspecify.annotations.NullMarked
package com.bazaar.platform.apidocs;
