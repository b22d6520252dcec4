package dev.portcullis.domain.policy;

import dev.portcullis.domain.model.AsciiText;
import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.rules.Grant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds the one policy an identity gets on an API and stage: it allows every route that its grants
 * name there, so API Gateway may reuse it for the next route. With no grants it is an explicit Deny
 * on the whole API.
 */
public final class PolicyBuilder {

  /** API Gateway's limit on one resource ARN in a returned policy. */
  public static final int MAX_RESOURCE_LENGTH = 512;

  private PolicyBuilder() {}

  /** The policy for these grants on the target's API and stage. */
  public static PolicyDocument build(Collection<Grant> grants, RouteTarget target) {
    boolean webSocket = target.route() instanceof RouteTarget.WebSocketRoute;
    TreeSet<String> resources = new TreeSet<>();
    for (Grant grant : grants) {
      if ((grant instanceof Grant.RouteKeyGrant) == webSocket) {
        for (String suffix : grant.resourceSuffixes()) {
          resources.add(checked(target.stagePrefix(), suffix));
        }
      }
    }
    if (resources.isEmpty()) {
      return new PolicyDocument(
          List.of(Statement.invoke(Effect.Deny, List.of(checked(target.apiPrefix(), "*")))));
    }
    return new PolicyDocument(List.of(Statement.invoke(Effect.Allow, minimal(resources))));
  }

  /**
   * Drops every resource that another one already covers. A pattern made of literals and {@code *}
   * covers another exactly when it matches the other's text, with the other's stars read as literal
   * characters. Two patterns that cover each other keep the one that sorts first.
   */
  static List<String> minimal(TreeSet<String> sorted) {
    List<String> kept = new ArrayList<>();
    for (String candidate : sorted) {
      boolean covered = false;
      for (String other : sorted) {
        if (!other.equals(candidate)
            && Wildcard.matches(other, candidate)
            && (other.compareTo(candidate) < 0 || !Wildcard.matches(candidate, other))) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        kept.add(candidate);
      }
    }
    return kept;
  }

  private static String checked(String prefix, String suffix) {
    String resource = prefix + suffix;
    if (resource.length() > MAX_RESOURCE_LENGTH
        || !AsciiText.isLettersDigitsOr(suffix, 0, "/._*$-")) {
      // Grants and targets are validated where they are parsed; reaching this is a bug, and the
      // call fails rather than return a policy API Gateway would reject.
      throw new IllegalStateException(
          "policy resource of " + resource.length() + " characters is not one API Gateway accepts");
    }
    return resource;
  }
}
