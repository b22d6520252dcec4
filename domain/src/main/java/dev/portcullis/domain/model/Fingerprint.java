package dev.portcullis.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a credential, in lower-case hex: the only form in which a credential is stored.
 */
public record Fingerprint(String hex) {

  private static final Pattern LOWER_HEX_64 = Pattern.compile("[0-9a-f]{64}");

  public Fingerprint {
    Objects.requireNonNull(hex, "hex");
    if (!LOWER_HEX_64.matcher(hex).matches()) {
      throw new IllegalArgumentException("fingerprint must be 64 lower-case hex characters");
    }
  }

  /** The first 8 hex characters: enough to correlate log lines, far too few to find a token. */
  public String prefix() {
    return hex.substring(0, 8);
  }

  @Override
  public String toString() {
    return hex;
  }
}
