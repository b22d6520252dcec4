package dev.portcullis.domain.port.out;

import java.security.SecureRandom;

/** Outgoing port: where issued tokens get their randomness. */
public interface RandomSource {

  /** Fills {@code bytes} with random bytes. */
  void nextBytes(byte[] bytes);

  /** The production source: one {@link SecureRandom} per process. */
  static RandomSource secure() {
    SecureRandom random = new SecureRandom();
    // An anonymous class rather than a method reference: no lambda class is spun at start-up.
    return new RandomSource() {
      @Override
      public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
      }
    };
  }
}
