package com.bazaar.catalog.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bazaar.images.*}: the picture store adapter ({@code type}, {@code file} by default)
 * and its directory ({@code dir}, {@code ${bazaar.data-dir}/images} in application.yaml).
 */
@ConfigurationProperties("bazaar.images")
record ImageProperties(@DefaultValue("file") String type, Path dir) {}
