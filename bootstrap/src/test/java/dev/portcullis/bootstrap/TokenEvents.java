package dev.portcullis.bootstrap;

import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** REST TOKEN events for a token on {@code GET /orders} of the demo API, and one call with one. */
final class TokenEvents {

  private TokenEvents() {}

  /** The event API Gateway would send for {@code Authorization: Bearer TOKEN}. */
  static ByteArrayInputStream event(String token) {
    String json =
        "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer "
            + token
            + "\",\"methodArn\":\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/orders\"}";
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The authorizer's response to that event. */
  static String invoke(AuthorizerAdapter authorizer, String token) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    authorizer.handle(event(token), out, "req");
    return out.toString(StandardCharsets.UTF_8);
  }
}
