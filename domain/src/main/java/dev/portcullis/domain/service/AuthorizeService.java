package dev.portcullis.domain.service;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.policy.IdentityPolicy;
import dev.portcullis.domain.policy.PolicyCache;
import dev.portcullis.domain.port.in.AuthorizationRequest;
import dev.portcullis.domain.port.in.AuthorizeUseCase;
import dev.portcullis.domain.port.in.Decision;
import dev.portcullis.domain.port.in.Explanation.BackendStep;
import dev.portcullis.domain.port.in.Explanation.BackendStep.Outcome;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.port.out.IdentityResolver;
import dev.portcullis.domain.rules.AccessRules;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decides on a call: resolves the credential over the chain of backends, then builds the policy of
 * every route the identity's roles grant on the called API and stage (kept per identity shape).
 *
 * <p>The chain is tried in order, skipping backends that do not accept the credential's shape. The
 * first backend that knows the credential decides, whether it resolves, expired, revoked or
 * invalid; "not found" passes to the next. A backend that cannot answer throws, and so does this
 * service: it never falls through to a weaker backend and never turns an outage into a denial.
 */
public final class AuthorizeService implements AuthorizeUseCase {

  /** Identity shapes (role set, filled-in values, API and stage) whose policies are kept. */
  static final int POLICY_CACHE_ENTRIES = 512;

  private final List<IdentityResolver> chain;
  private final AccessRules rules;
  private final PolicyCache policies;
  private final Clock clock;

  public AuthorizeService(List<IdentityResolver> chain, AccessRules rules, Clock clock) {
    this.chain = List.copyOf(chain);
    this.rules = Objects.requireNonNull(rules, "rules");
    this.policies = new PolicyCache(rules, POLICY_CACHE_ENTRIES);
    this.clock = Objects.requireNonNull(clock, "clock");
    if (this.chain.isEmpty()) {
      throw new IllegalArgumentException("the chain of identity backends must not be empty");
    }
  }

  @Override
  public Decision authorize(AuthorizationRequest request) {
    return decide(request, null);
  }

  /** The rules decisions are made by, for {@link ExplainService}. */
  AccessRules rules() {
    return rules;
  }

  /**
   * The decision, telling {@code steps} (when not null) what each backend of the chain did: the one
   * code path behind both {@link #authorize} and {@link ExplainService}.
   *
   * @throws BackendUnavailableException when a backend cannot answer, after telling {@code steps}
   */
  Decision decide(AuthorizationRequest request, Consumer<BackendStep> steps) {
    if (request.presentedCredential().isEmpty()) {
      return new Decision.Unauthenticated("missing_credential", Optional.empty(), Optional.empty());
    }
    Optional<Credential> parsed = Credential.parse(request.presentedCredential().get());
    if (parsed.isEmpty()) {
      return new Decision.Unauthenticated(
          "malformed_credential", Optional.empty(), Optional.empty());
    }
    Credential credential = parsed.get();
    boolean accepted = false;
    for (int i = 0; i < chain.size(); i++) {
      IdentityResolver resolver = chain.get(i);
      if (!resolver.accepts(credential)) {
        tell(steps, resolver, Outcome.NOT_ASKED, "it does not take credentials of this shape");
        continue;
      }
      accepted = true;
      Resolution resolution;
      try {
        resolution = resolver.resolve(credential);
      } catch (BackendUnavailableException e) {
        tell(steps, resolver, Outcome.CANNOT_ANSWER, e.causeSummary());
        notReached(steps, i + 1);
        throw e;
      }
      if (resolution instanceof Resolution.NotFound) {
        tell(steps, resolver, Outcome.NOT_FOUND, "it does not know the credential");
        continue;
      }
      tell(steps, resolver, outcome(resolution), resolution.reason());
      notReached(steps, i + 1);
      if (resolution instanceof Resolution.Resolved resolved) {
        return decide(resolved.identity(), request, credential);
      }
      return new Decision.Unauthenticated(
          resolution.reason(), Optional.of(credential.fingerprint()), Optional.of(resolver.name()));
    }
    return new Decision.Unauthenticated(
        accepted ? "not_found" : "no_backend_for_credential",
        Optional.of(credential.fingerprint()),
        Optional.empty());
  }

  private Decision decide(Identity identity, AuthorizationRequest request, Credential credential) {
    if (identity.isExpiredAt(clock.instant())) {
      // A backend or a cache may hand back an identity that expired since it was read.
      return new Decision.Unauthenticated(
          "expired", Optional.of(credential.fingerprint()), Optional.of(identity.backend()));
    }
    // The policy names every route the roles grant on this API and stage, so it is built once per
    // identity shape; whether it allows the called route is evaluated on every call.
    IdentityPolicy policy = policies.policyFor(identity, request.target());
    return new Decision.Authenticated(
        identity,
        policy.policy(),
        ContextBuilder.build(identity),
        policy.allows(request.target().arn()),
        Optional.of(credential.fingerprint()),
        policy.droppedGrants());
  }

  private static Outcome outcome(Resolution resolution) {
    if (resolution instanceof Resolution.Resolved) {
      return Outcome.RESOLVED;
    }
    if (resolution instanceof Resolution.Expired) {
      return Outcome.EXPIRED;
    }
    return resolution instanceof Resolution.Revoked ? Outcome.REVOKED : Outcome.INVALID;
  }

  private static void tell(
      Consumer<BackendStep> steps, IdentityResolver resolver, Outcome outcome, String detail) {
    if (steps != null) {
      steps.accept(new BackendStep(resolver.name(), outcome, detail));
    }
  }

  private void notReached(Consumer<BackendStep> steps, int from) {
    for (int i = from; steps != null && i < chain.size(); i++) {
      tell(steps, chain.get(i), Outcome.NOT_REACHED, "an earlier backend decided");
    }
  }
}
