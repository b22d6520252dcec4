package dev.portcullis.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a credential, in lower-case hex: the only form in which a credential is stored.
 */
public record Fingerprint(String hex) {

  private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

  public Fingerprint {
    Objects.requireNonNull(hex, "hex");
    if (!HEX_64.matcher(hex).matches()) {
      throw new IllegalArgumentException("fingerprint must be 64 lower-case hex characters");
    }
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
