package dev.portcullis.adapters.lambda;

import java.util.Locale;

/** How Portcullis answers HTTP API payload 2.0 events ({@code PORTCULLIS_HTTP_RESPONSE}). */
public enum HttpResponseMode {
  /** An IAM policy, like every other event kind. */
  IAM,
  /** A simple response, {@code {"isAuthorized":…, "context":{…}}}; needs enableSimpleResponses. */
  SIMPLE;

  /**
   * Parses {@code iam} or {@code simple}, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static HttpResponseMode parse(String value) {
    String trimmed = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (trimmed.equals("iam")) {
      return IAM;
    }
    if (trimmed.equals("simple")) {
      return SIMPLE;
    }
    throw new IllegalArgumentException(
        "PORTCULLIS_HTTP_RESPONSE must be 'iam' or 'simple', got '"
            + (value == null ? "" : value)
            + "'");
  }
}
