package dev.portcullis.adapters.jwt;

import java.util.regex.Pattern;

/** The shape of a signed JWT in compact serialization, checked before anything parses it. */
final class CompactJws {

  /**
   * One segment of canonical, unpadded base64url: whole groups of four characters, then none, two
   * or three more, the last of which leaves its unused low bits zero, so that a segment has exactly
   * one spelling.
   */
  private static final String SEGMENT =
      "(?:[A-Za-z0-9_-]{4})*+(?:[A-Za-z0-9_-][AQgw]|[A-Za-z0-9_-]{2}[AEIMQUYcgkosw048])?";

  /** Header, payload and signature; the header and the payload are never empty. */
  private static final Pattern TOKEN =
      Pattern.compile("(?!\\.)" + SEGMENT + "\\.(?!\\.)" + SEGMENT + "\\." + SEGMENT);

  private CompactJws() {}

  /** True for three segments of canonical, unpadded base64url, the first two non-empty. */
  static boolean isWellFormed(String token) {
    return TOKEN.matcher(token).matches();
  }
}
