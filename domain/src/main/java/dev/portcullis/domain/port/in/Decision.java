package dev.portcullis.domain.port.in;

import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.policy.PolicyDocument;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The authorizer's answer. There is no "forbidden" answer: an authenticated identity gets a policy
 * listing every route it may call, and API Gateway answers 403 for the rest.
 */
public sealed interface Decision {

  /** The reason code, for logs and metrics. */
  String reason();

  /** The fingerprint of the credential decided on, when there was a well-formed one. */
  Optional<Fingerprint> fingerprint();

  /**
   * The caller is known. {@code policy} covers every route its roles grant on this API and stage;
   * {@code targetAllowed} says whether it allows the route called now; {@code droppedGrants} says
   * why any grant of its roles was left out for this identity, for the decision log.
   */
  record Authenticated(
      Identity identity,
      PolicyDocument policy,
      Map<String, Object> context,
      boolean targetAllowed,
      Optional<Fingerprint> fingerprint,
      List<String> droppedGrants)
      implements Decision {

    public Authenticated {
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(policy, "policy");
      context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
      Objects.requireNonNull(fingerprint, "fingerprint");
      droppedGrants = List.copyOf(droppedGrants);
    }

    /** A decision for an identity none of whose grants were dropped. */
    public Authenticated(
        Identity identity,
        PolicyDocument policy,
        Map<String, Object> context,
        boolean targetAllowed,
        Optional<Fingerprint> fingerprint) {
      this(identity, policy, context, targetAllowed, fingerprint, List.of());
    }

    public String principalId() {
      return identity.principalId();
    }

    /** The API key that usage plans meter this caller by, when it has one. */
    public Optional<String> usageIdentifierKey() {
      return identity.apiKey();
    }

    @Override
    public String reason() {
      return targetAllowed ? "allowed" : "not_granted";
    }
  }

  /** The caller is not known: API Gateway answers 401. {@code backend} is the one that said no. */
  record Unauthenticated(String reason, Optional<Fingerprint> fingerprint, Optional<String> backend)
      implements Decision {

    public Unauthenticated {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(backend, "backend");
    }
  }
}
