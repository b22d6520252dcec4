package dev.portcullis.adapters.dynamodb;

import java.net.URI;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Which DynamoDB-compatible server the integration tests talk to, and why. */
sealed interface ServerChoice {

  /** The standard variable that points the SDK, and these tests, at a server someone runs. */
  String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_DYNAMODB";

  /** A server already running at {@code endpoint}: it wins over everything else. */
  record External(URI endpoint) implements ServerChoice {}

  /** {@code amazon/dynamodb-local} under Testcontainers, where a Docker engine answers. */
  record Container() implements ServerChoice {}

  /** dynalite from npm, started on a free loopback port: the default. */
  record Dynalite() implements ServerChoice {}

  /** The variable wins; else Docker where it answers (asked only then); else dynalite. */
  static ServerChoice choose(Map<String, String> environment, BooleanSupplier dockerAvailable) {
    String endpoint = environment.get(ENDPOINT_VARIABLE);
    if (endpoint != null && !endpoint.isBlank()) {
      return new External(URI.create(endpoint.trim()));
    }
    if (dockerAvailable.getAsBoolean()) {
      return new Container();
    }
    return new Dynalite();
  }
}
