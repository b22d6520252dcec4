package dev.portcullis.domain.model;

import dev.portcullis.domain.text.Ascii;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The raw bearer value a caller presented. Never logged, never stored: only its {@link Fingerprint}
 * leaves this class.
 */
public final class Credential {

  /** Longest credential accepted; a signed JWT with many claims stays well under this. */
  public static final int MAX_LENGTH = 4096;

  private final String value;
  private final Fingerprint fingerprint;

  private Credential(String value) {
    this.value = value;
    this.fingerprint = new Fingerprint(HexFormat.of().formatHex(sha256(value)));
  }

  /**
   * Accepts a credential made of 1 to {@value #MAX_LENGTH} visible ASCII characters (0x21 to 0x7E).
   * Anything else (control characters, spaces, non-ASCII look-alikes, zero-width characters) is not
   * a credential Portcullis could ever have issued or verified, so it is refused before any lookup.
   */
  public static Optional<Credential> parse(String raw) {
    return raw != null && Ascii.isVisible(raw, MAX_LENGTH)
        ? Optional.of(new Credential(raw))
        : Optional.empty();
  }

  /** The raw value, for the resolvers that must read it. Never log it. */
  public String reveal() {
    return value;
  }

  public Fingerprint fingerprint() {
    return fingerprint;
  }

  /** True when the value has the compact JWS shape: three base64url segments, a JSON header. */
  public boolean looksLikeJwt() {
    int first = value.indexOf('.');
    if (first <= 0 || !value.startsWith("eyJ")) {
      return false;
    }
    int second = value.indexOf('.', first + 1);
    return second > first + 1 && value.indexOf('.', second + 1) < 0;
  }

  /** Compares in constant time, so a timing side channel reveals nothing of either value. */
  public boolean matches(Credential other) {
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.US_ASCII), other.value.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credential other && matches(other);
  }

  @Override
  public int hashCode() {
    return fingerprint.hashCode();
  }

  @Override
  public String toString() {
    return "Credential[" + fingerprint.prefix() + "…, redacted]";
  }

  static byte[] sha256(String value) {
    return newSha256().digest(value.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * A fresh SHA-256 digest, cloned from one looked up once: {@code MessageDigest.getInstance}
   * searches the providers and builds the digest by reflection on every call, several times the
   * cost of hashing a token. The prototype is never updated, so cloning it is safe from any thread.
   */
  private static MessageDigest newSha256() {
    try {
      return (MessageDigest) Sha256.PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return Sha256.lookUp();
    }
  }

  /** Holds the prototype digest, created on the first fingerprint rather than at class loading. */
  private static final class Sha256 {
    static final MessageDigest PROTOTYPE = lookUp();

    static MessageDigest lookUp() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime provides SHA-256", e);
      }
    }
  }
}
