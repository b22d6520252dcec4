package dev.portcullis.bootstrap;

import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.adapters.lambda.PrimingReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.crac.Context;
import org.crac.Resource;

/**
 * Primes the authorizer before a SnapStart snapshot, so that the snapshot holds loaded classes, a
 * built policy engine and, with DynamoDB, a connected client that has made one GetItem through the
 * Enhanced Client:
 *
 * <ul>
 *   <li>the adapter reads one event of each kind (REST TOKEN and REQUEST, HTTP API 1.0 and 2.0,
 *       WebSocket) and writes one answer of each shape (IAM policy, HTTP simple response) for a
 *       synthetic decision into a discarded stream, deciding nothing ({@link
 *       AuthorizerAdapter#prime()});
 *   <li>then one whole decision runs through every backend of the chain, for a token that no
 *       backend knows, and is refused.
 * </ul>
 *
 * No identity is made that a credential could resolve to. Without SnapStart it never runs.
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
   * What priming went through: the adapter's paths, or empty when they failed, and how the decision
   * for the never-issued token ended (the type of what it threw, or {@code answered}).
   */
  record Outcome(Optional<PrimingReport> paths, String decision) {}

  /**
   * Runs the priming. Every outcome is expected and ignored: the token is unknown, and a backend
   * that is unreachable at snapshot time must not stop the snapshot.
   */
  Outcome prime() {
    Optional<PrimingReport> paths;
    try {
      paths = Optional.of(authorizer.prime());
    } catch (IOException | RuntimeException e) {
      paths = Optional.empty();
    }
    String decision;
    try {
      authorizer.handle(
          new ByteArrayInputStream(EVENT), OutputStream.nullOutputStream(), "snapstart-priming");
      decision = "answered";
    } catch (IOException | RuntimeException e) {
      decision = e.getClass().getSimpleName();
    }
    return new Outcome(paths, decision);
  }
}
