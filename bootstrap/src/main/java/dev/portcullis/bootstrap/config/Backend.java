package dev.portcullis.bootstrap.config;

import dev.portcullis.domain.text.ConfigNames;
import java.util.Arrays;
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
    return ConfigNames.of(this);
  }

  static Optional<Backend> byName(String name) {
    return ConfigNames.find(Backend.class, name);
  }

  static String allowedNames() {
    return Arrays.stream(values()).map(Backend::configName).collect(Collectors.joining(", "));
  }
}
