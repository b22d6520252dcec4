package dev.portcullis.adapters.lambda;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one authorizer call decided, for logs and metrics. It holds no token: only the first
 * characters of the credential's fingerprint.
 *
 * @param requestId the Lambda request id, as given to the adapter
 * @param kind the event kind, or null when the event could not be recognised
 * @param outcome what the call came to
 * @param reason a short reason: a code such as {@code not_found}, or for an invalid event the
 *     human-readable problem
 * @param principalId the principal, when the caller was authenticated
 * @param fingerprintPrefix the first characters of the credential's fingerprint, when there was a
 *     well-formed credential
 * @param backend the backend that answered or failed, when one did
 * @param cause for an {@code error}, what failed, in one short line that never holds a token: a
 *     backend's cause summary such as {@code ResourceNotFound: table portcullis-sessions in
 *     eu-west-1}, or the size of an answer that did not fit
 * @param latencyMicros the time spent in the adapter, in microseconds
 * @param droppedGrants why each grant the identity's roles hold was left out of its policy (a value
 *     missing or not a plain path segment), naming the grant but never the value
 */
public record DecisionRecord(
    String requestId,
    EventKind kind,
    Outcome outcome,
    String reason,
    Optional<String> principalId,
    Optional<String> fingerprintPrefix,
    Optional<String> backend,
    Optional<String> cause,
    long latencyMicros,
    List<String> droppedGrants) {

  public DecisionRecord {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(fingerprintPrefix, "fingerprintPrefix");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(cause, "cause");
    droppedGrants = List.copyOf(droppedGrants);
  }
}
