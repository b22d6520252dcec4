package dev.portcullis.domain.rules;

import dev.portcullis.domain.answer.AnswerLimits;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.policy.PolicyBuilder;
import dev.portcullis.domain.policy.PolicyDocument;
import dev.portcullis.domain.text.Ascii;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which grants each role holds. The role {@value #ANY_AUTHENTICATED} holds the grants of every
 * authenticated identity.
 *
 * <p>Rules are refused when one role's policy could make an answer larger than API Gateway accepts
 * (see {@link AnswerLimits}); {@link #warnings()} says what holds but deserves a look.
 */
public final class AccessRules {

  /** The role every authenticated identity has. */
  public static final String ANY_AUTHENTICATED = "*";

  /** The one WebSocket route key API Gateway runs an authorizer on. */
  private static final String CONNECT = "$connect";

  private final Map<String, List<Grant>> grantsByRole;

  private AccessRules(Map<String, List<Grant>> grantsByRole) {
    this.grantsByRole = grantsByRole;
  }

  /**
   * Builds rules from role names and grant texts, checking all of them first, then checking that
   * the policy of each role (with the grants of {@value #ANY_AUTHENTICATED}) fits an answer for the
   * longest API and stage prefix ({@link AnswerLimits#LONGEST_TARGET}).
   *
   * @throws InvalidRulesException naming every role and grant that is wrong, and every role whose
   *     policy cannot fit
   */
  public static AccessRules of(Map<String, ? extends Collection<String>> grantTextsByRole) {
    List<String> problems = new ArrayList<>();
    Map<String, List<Grant>> grants = new TreeMap<>();
    for (Map.Entry<String, ? extends Collection<String>> entry : grantTextsByRole.entrySet()) {
      String role = entry.getKey();
      Collection<String> texts = entry.getValue();
      if (role == null || !Ascii.isVisible(role, 128) || role.contains(",")) {
        problems.add(
            "role '" + role + "' must be 1 to 128 visible ASCII characters other than ','");
        continue;
      }
      if (texts == null) {
        problems.add("role '" + role + "' has no list of grants");
        continue;
      }
      Set<Grant> accepted = new LinkedHashSet<>();
      for (String text : texts) {
        Grant.Parsed parsed = Grant.parse(text);
        if (parsed instanceof Grant.Parsed.Accepted a) {
          accepted.add(a.grant());
        } else if (parsed instanceof Grant.Parsed.Rejected r) {
          problems.add("role '" + role + "': grant '" + text + "' " + r.problem());
        }
      }
      grants.put(role, List.copyOf(accepted));
    }
    AccessRules rules = new AccessRules(Map.copyOf(grants));
    grants.keySet().forEach(role -> rules.tooLarge(role).ifPresent(problems::add));
    if (!problems.isEmpty()) {
      throw new InvalidRulesException(problems);
    }
    return rules;
  }

  /** The grants of the given roles and of {@value #ANY_AUTHENTICATED}, without duplicates. */
  public Set<Grant> grantsFor(Collection<String> roles) {
    return Stream.concat(Stream.of(ANY_AUTHENTICATED), roles.stream())
        .flatMap(role -> grantsByRole.getOrDefault(role, List.of()).stream())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * The grants of the given roles and of {@value #ANY_AUTHENTICATED} as they apply to this
   * identity: its own values filled in, and every grant it cannot take dropped, with the reason.
   */
  public AppliedGrants applyTo(Collection<String> roles, Identity identity) {
    Set<Grant> applied = new LinkedHashSet<>();
    List<String> dropped = new ArrayList<>();
    for (Grant grant : grantsFor(roles)) {
      Grant.Applied outcome = grant.applyTo(identity);
      if (outcome instanceof Grant.Applied.Applies applies) {
        applied.add(applies.grant());
      } else if (outcome instanceof Grant.Applied.Dropped drop) {
        dropped.add("grant '" + grant + "' dropped: " + drop.reason());
      }
    }
    return new AppliedGrants(applied, dropped);
  }

  /**
   * The names of the caller's values the grants of these roles (and of {@value #ANY_AUTHENTICATED})
   * fill in: with the roles, everything a policy depends on.
   */
  public Set<String> variablesOf(Collection<String> roles) {
    return grantsFor(roles).stream()
        .flatMap(grant -> grant.variables().stream())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The role names, sorted. */
  public Set<String> roles() {
    return new TreeMap<>(grantsByRole).keySet();
  }

  /** Role to grants, as configured. */
  public Map<String, List<Grant>> asMap() {
    return grantsByRole;
  }

  /**
   * The most bytes an answer can take for an identity holding these roles: their policy on the
   * longest API and stage prefix, with the principal, context and API key at their bounds.
   */
  public int worstCaseAnswerBytes(Collection<String> roles) {
    return AnswerLimits.worstCaseAnswerBytes(worstCasePolicy(roles));
  }

  /**
   * The policy of these roles on the longest API and stage prefix, for an identity whose values are
   * each as long as {@link PathVariables#MAX_VALUE_LENGTH} allows and differ from each other, so
   * that no two filled-in grants merge.
   */
  private PolicyDocument worstCasePolicy(Collection<String> roles) {
    List<String> names = List.copyOf(variablesOf(roles));
    Function<String, String> longest =
        name -> String.format("%0" + PathVariables.MAX_VALUE_LENGTH + "d", names.indexOf(name));
    List<Grant> filled =
        grantsFor(roles).stream()
            .map(grant -> grant instanceof Grant.HttpGrant http ? http.filled(longest) : grant)
            .toList();
    return PolicyBuilder.build(filled, AnswerLimits.LONGEST_TARGET);
  }

  /**
   * The most bytes an answer can take for an identity holding every role at once. Above {@link
   * AnswerLimits#MAX_ANSWER_BYTES} such an identity's calls would fail; {@link #warnings()} says
   * so.
   */
  public int unionWorstCaseAnswerBytes() {
    return worstCaseAnswerBytes(grantsByRole.keySet());
  }

  /**
   * What holds but deserves a look, one sentence each: when an identity holding every role could
   * get an answer larger than API Gateway accepts, and every WebSocket route key other than {@code
   * $connect}, which API Gateway never runs an authorizer on.
   */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    for (Map.Entry<String, List<Grant>> role : new TreeMap<>(grantsByRole).entrySet()) {
      for (Grant grant : role.getValue()) {
        if (grant instanceof Grant.RouteKeyGrant key && !key.routeKey().equals(CONNECT)) {
          warnings.add(
              "role '"
                  + role.getKey()
                  + "': grant '"
                  + key.routeKey()
                  + "' allows nothing: API Gateway runs a WebSocket API's authorizer on"
                  + " $connect only");
        }
      }
    }
    if (grantsByRole.size() > 1) {
      int union = unionWorstCaseAnswerBytes();
      if (!AnswerLimits.fits(union)) {
        warnings.add(
            "an identity holding every role ("
                + String.join(", ", roles())
                + ") could get an answer of "
                + union
                + " bytes, over API Gateway's limit of "
                + AnswerLimits.MAX_ANSWER_BYTES
                + ", and its calls would fail with 500: keep the roles an identity holds"
                + " together smaller, or merge their grants with wildcards");
      }
    }
    return warnings;
  }

  /** Why the policy of {@code role} cannot fit an answer, when it cannot. */
  private Optional<String> tooLarge(String role) {
    PolicyDocument policy = worstCasePolicy(List.of(role));
    int bytes = AnswerLimits.worstCaseAnswerBytes(policy);
    return AnswerLimits.fits(bytes)
        ? Optional.empty()
        : Optional.of(tooLarge(role, bytes, policy.statements().get(0).resources().size()));
  }

  private static String tooLarge(String role, int bytes, int resources) {
    return "role '"
        + role
        + "': an answer for it can take "
        + bytes
        + " bytes (a policy of "
        + resources
        + " resources, with the grants of role '*', on a stage name of "
        + AnswerLimits.LONGEST_STAGE
        + " characters), over API Gateway's limit of "
        + AnswerLimits.MAX_ANSWER_BYTES
        + ": allow the same routes with fewer grants (one wildcard such as 'GET /orders/*' rather"
        + " than a grant per path, no grant another one covers, ANY only where every method is"
        + " meant, as it takes one resource per method), or split the role";
  }
}
