package dev.portcullis.domain.model;

import java.util.Objects;

/**
 * The SHA-256 of a credential, in lower-case hex: the only form in which a credential is stored.
 */
public record Fingerprint(String hex) {

  public Fingerprint {
    Objects.requireNonNull(hex, "hex");
    if (!isLowerHex64(hex)) {
      throw new IllegalArgumentException("fingerprint must be 64 lower-case hex characters");
    }
  }

  /**
   * Exactly 64 of {@code 0-9 a-f}. Checked by hand, with no regular expression: the first
   * Pattern.compile in a JVM costs about 14 ms of cold start, and every credential is
   * fingerprinted.
   */
  static boolean isLowerHex64(String hex) {
    if (hex.length() != 64) {
      return false;
    }
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  /** The first 8 hex characters: enough to correlate log lines, far too few to find a token. */
  public String prefix() {
    return hex.substring(0, 8);
  }

  // equals and hashCode are written out: a record's generated ones bootstrap through
  // ObjectMethods on first use, about 45 ms of cold start, and fingerprints are map keys from the
  // first seed session on.
  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint other && hex.equals(other.hex);
  }

  @Override
  public int hashCode() {
    return hex.hashCode();
  }

  @Override
  public String toString() {
    return hex;
  }
}
