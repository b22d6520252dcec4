package dev.portcullis.bootstrap.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** An identity backend that {@code PORTCULLIS_BACKENDS} can name. */
public enum Backend {
  /** Sessions held in memory, loaded from {@code PORTCULLIS_SESSIONS_FILE}. */
  MEMORY,
  /** Sessions stored in DynamoDB. */
  DYNAMODB,
  /** Signed JWTs from an OIDC issuer, verified against its JWKS. */
  JWT;

  /** The name used in configuration, logs and the authorizer context. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Backend> byName(String name) {
    return Arrays.stream(values()).filter(backend -> backend.configName().equals(name)).findFirst();
  }

  static String allowedNames() {
    return Arrays.stream(values()).map(Backend::configName).collect(Collectors.joining(", "));
  }
}
