package com.bazaar.platform.apidocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The /api operations docs/API.md promises, as {@code "METHOD /path/{}"} (path variables
 * unnamed: API.md's {@code {id}} is the code's {@code {orderId}}). API.md names them in two
 * ways: a table row ({@code | GET | /api/items/{id} | …}) and, in its extensions, a code span
 * ({@code `GET|PUT /api/admin/payment-provider`}); query strings are not part of the path.
 */
final class ApiMdOperations {
  static final Path API_MD = Path.of("..", "docs", "API.md");
  private static final String METHODS = "(?:GET|HEAD|POST|PUT|PATCH|DELETE)";
  private static final Pattern TABLE_ROW =
      Pattern.compile("^\\|\\s*(" + METHODS + "(?:\\|" + METHODS + ")*)\\s*\\|\\s*`?(/api[^\\s|`?]*)");
  private static final Pattern CODE_SPAN =
      Pattern.compile("`(" + METHODS + "(?:\\|" + METHODS + ")*) (/api[^\\s`?]*)");

  private ApiMdOperations() {}

  static Set<String> read() {
    try {
      return parse(Files.readString(API_MD));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Set<String> parse(String markdown) {
    Set<String> operations = new TreeSet<>();
    for (String line : markdown.split("\n")) {
      Matcher row = TABLE_ROW.matcher(line);
      if (row.find()) {
        add(operations, row.group(1), row.group(2));
        continue;
      }
      Matcher span = CODE_SPAN.matcher(line);
      while (span.find()) {
        add(operations, span.group(1), span.group(2));
      }
    }
    return operations;
  }

  /** {@code "GET /api/orders/{}"}: the method and the path with its variables unnamed. */
  static String operation(String method, String path) {
    return method.toUpperCase() + " " + path.replaceAll("\\{[^}]*}", "{}");
  }

  private static void add(Set<String> operations, String methods, String path) {
    for (String method : methods.split("\\|")) {
      operations.add(operation(method, path));
    }
  }
}
