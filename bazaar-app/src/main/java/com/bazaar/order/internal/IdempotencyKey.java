package com.bazaar.order.internal;

import com.bazaar.platform.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A client's Idempotency-Key header, checked so that it fits its column and logs safely. */
record IdempotencyKey(String value) {
  static final String HEADER = "Idempotency-Key";
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  IdempotencyKey {
    if (value == null || !WELL_FORMED.matcher(value).matches()) {
      throw new InvalidInput(HEADER, "refusal.order.idempotencyKey");
    }
  }

  /** SHA-256 of the canonical request, to tell a true retry from a reused key. */
  static String hash(String canonicalRequest) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
