package dev.portcullis.bootstrap;

import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.crac.Context;
import org.crac.Resource;

/**
 * Primes the authorizer before a SnapStart snapshot: one decision through the whole path, for a
 * token that no backend knows, so that the snapshot holds loaded classes, a built policy engine
 * and, with DynamoDB, a connected client that has made one GetItem. Without SnapStart it never
 * runs.
 */
final class SnapStartPriming implements Resource {

  /** A well-formed session token that was never issued: it resolves to "not found". */
  static final String PRIMING_TOKEN = "pcs_snapstart_priming_00000000000000000000000000";

  private static final byte[] EVENT =
      ("{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer "
              + PRIMING_TOKEN
              + "\",\"methodArn\":\"arn:aws:execute-api:us-east-1:123456789012:primingapi/prime/GET/prime\"}")
          .getBytes(StandardCharsets.US_ASCII);

  private final AuthorizerAdapter authorizer;

  SnapStartPriming(AuthorizerAdapter authorizer) {
    this.authorizer = authorizer;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to refresh: clients reconnect by themselves, and no secret is held in memory.
  }

  /**
   * Runs the priming decision. Every outcome is expected and ignored: the token is unknown, and a
   * backend that is unreachable at snapshot time must not stop the snapshot.
   *
   * @return the outcome's exception type, for tests
   */
  String prime() {
    try {
      authorizer.handle(
          new ByteArrayInputStream(EVENT), OutputStream.nullOutputStream(), "snapstart-priming");
      return "answered";
    } catch (IOException | RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }
}
