package dev.portcullis.domain.service;

import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.policy.PolicyEvaluator;
import dev.portcullis.domain.policy.Wildcard;
import dev.portcullis.domain.port.in.AuthorizationRequest;
import dev.portcullis.domain.port.in.Decision;
import dev.portcullis.domain.port.in.ExplainUseCase;
import dev.portcullis.domain.port.in.Explanation;
import dev.portcullis.domain.port.in.Explanation.BackendStep;
import dev.portcullis.domain.port.in.Explanation.GrantCheck;
import dev.portcullis.domain.port.in.Explanation.Status;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.rules.AccessRules;
import dev.portcullis.domain.rules.Grant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Explains a call by deciding it through the {@link AuthorizeService} that serves real calls, the
 * same steps over the same chain, rules and policy cache, and telling what each step found.
 */
public final class ExplainService implements ExplainUseCase {

  /** The reason of a call a backend could not answer, as the decision log writes it. */
  public static final String BACKEND_UNAVAILABLE = "backend_unavailable";

  private final AuthorizeService decisions;

  public ExplainService(AuthorizeService decisions) {
    this.decisions = Objects.requireNonNull(decisions, "decisions");
  }

  @Override
  public Explanation explain(AuthorizationRequest request) {
    List<BackendStep> steps = new ArrayList<>();
    Decision decision;
    try {
      decision = decisions.decide(request, steps::add);
    } catch (BackendUnavailableException e) {
      return new Explanation(
          Status.FAILED,
          BACKEND_UNAVAILABLE,
          steps,
          Optional.empty(),
          List.of(),
          Optional.empty(),
          Optional.empty());
    }
    if (decision instanceof Decision.Authenticated authenticated) {
      RouteTarget target = request.target();
      return new Explanation(
          authenticated.targetAllowed() ? Status.ALLOWED : Status.FORBIDDEN,
          authenticated.reason(),
          steps,
          Optional.of(authenticated.identity()),
          grantChecks(decisions.rules(), authenticated.identity(), target),
          Optional.of(authenticated.policy()),
          PolicyEvaluator.decidingResource(authenticated.policy(), target.arn())
              .map(PolicyEvaluator.Match::resource));
    }
    return new Explanation(
        Status.UNAUTHORIZED,
        decision.reason(),
        steps,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }

  /** Each grant of role {@value AccessRules#ANY_AUTHENTICATED}, then of each role, by name. */
  private static List<GrantCheck> grantChecks(
      AccessRules rules, Identity identity, RouteTarget target) {
    List<GrantCheck> checks = new ArrayList<>();
    Stream.concat(
            Stream.of(AccessRules.ANY_AUTHENTICATED), new TreeSet<>(identity.roles()).stream())
        .distinct()
        .forEach(
            role ->
                rules.asMap().getOrDefault(role, List.of()).stream()
                    .map(grant -> check(role, grant, identity, target))
                    .forEach(checks::add));
    return checks;
  }

  private static GrantCheck check(String role, Grant grant, Identity identity, RouteTarget target) {
    Grant.Applied applied = grant.applyTo(identity);
    if (applied instanceof Grant.Applied.Applies applies) {
      Grant filled = applies.grant();
      boolean covers =
          filled.resourceSuffixes().stream()
              .anyMatch(suffix -> Wildcard.matches(target.stagePrefix() + suffix, target.arn()));
      return new GrantCheck(
          role,
          grant.toString(),
          filled.equals(grant) ? Optional.empty() : Optional.of(filled.toString()),
          covers,
          Optional.empty());
    }
    return new GrantCheck(
        role,
        grant.toString(),
        Optional.empty(),
        false,
        Optional.of(((Grant.Applied.Dropped) applied).reason()));
  }
}
