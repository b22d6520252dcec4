package dev.portcullis.domain.port.out;

import java.security.SecureRandom;

/** Outgoing port: where issued tokens get their randomness. */
public interface RandomSource {

  /** Fills {@code bytes} with random bytes. */
  void nextBytes(byte[] bytes);

  /** The production source: one {@link SecureRandom} per process. */
  static RandomSource secure() {
    return new SecureRandom()::nextBytes;
  }
}
