package dev.portcullis.domain.port.in;

import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.policy.PolicyDocument;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why one call gets the status it gets: each backend of the chain and what it said, the identity,
 * each grant of each of its roles and whether it covers the route called, the policy, and the
 * resource that decided. It never holds the credential.
 *
 * @param reason the decision's reason code, as the decision log writes it
 * @param matchedResource the policy resource that allowed or denied the route, if one did
 */
public record Explanation(
    Status status,
    String reason,
    List<BackendStep> backends,
    Optional<Identity> identity,
    List<GrantCheck> grants,
    Optional<PolicyDocument> policy,
    Optional<String> matchedResource) {

  public Explanation {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    backends = List.copyOf(backends);
    Objects.requireNonNull(identity, "identity");
    grants = List.copyOf(grants);
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(matchedResource, "matchedResource");
  }

  /** The status API Gateway answers the caller with. */
  public enum Status {
    ALLOWED(200),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    FAILED(500);

    private final int code;

    Status(int code) {
      this.code = code;
    }

    /** The HTTP status code. */
    public int code() {
      return code;
    }
  }

  /**
   * One backend of the chain and what it said of the credential.
   *
   * @param detail one line for a person, such as a backend failure's cause; never the credential
   */
  public record BackendStep(String backend, Outcome outcome, String detail) {

    public BackendStep {
      Objects.requireNonNull(backend, "backend");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(detail, "detail");
    }

    /** What one backend did with the credential. */
    public enum Outcome {
      /** It does not take credentials of this shape, so it was not asked. */
      NOT_ASKED,
      NOT_FOUND,
      RESOLVED,
      EXPIRED,
      REVOKED,
      INVALID,
      /** It could not answer (an outage, a time-out, throttling): the call fails with 500. */
      CANNOT_ANSWER,
      /** An earlier backend decided, so it was not asked. */
      NOT_REACHED
    }
  }

  /**
   * One grant of one of the identity's roles, as it applies to this identity, and whether it covers
   * the route called.
   *
   * @param grant the grant as the rules write it
   * @param appliedAs the grant with the identity's own values filled in, when it names any
   * @param droppedBecause why the grant does not apply to this identity at all, if it does not
   */
  public record GrantCheck(
      String role,
      String grant,
      Optional<String> appliedAs,
      boolean coversRoute,
      Optional<String> droppedBecause) {

    public GrantCheck {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(grant, "grant");
      Objects.requireNonNull(appliedAs, "appliedAs");
      Objects.requireNonNull(droppedBecause, "droppedBecause");
    }
  }
}
