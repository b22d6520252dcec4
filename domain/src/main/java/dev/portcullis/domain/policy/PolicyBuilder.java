package dev.portcullis.domain.policy;

import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.rules.Grant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the one policy an identity gets on an API and stage. It depends on the grants, the API and
 * the stage only, never on the route called, so API Gateway may reuse it for any route: it allows
 * every route the grants name there (HTTP routes and WebSocket route keys alike, which never match
 * each other's ARNs) and denies every path with a dot segment. With no grants it is one explicit
 * Deny on the stage.
 */
public final class PolicyBuilder {

  /** API Gateway's limit on one resource ARN in a returned policy. */
  public static final int MAX_RESOURCE_LENGTH = 512;

  /**
   * The dot segments ({@code .} and {@code ..}, written plain or with {@code %2e}/{@code %2E}) that
   * a backend may resolve after the policy let the path through: {@code GET /orders/*} would
   * otherwise allow {@code /orders/../admin}. API Gateway does not document normalising them before
   * it builds the ARN (see docs/events.md).
   */
  static final List<String> DOT_SEGMENTS = dotSegments();

  /**
   * What may follow {@code STAGE/} in a resource: a method or {@code *} and a policy path, or a
   * route key, made of the characters AWS recommends in policy paths and a route key's {@code $}.
   */
  private static final Pattern RESOURCE_SUFFIX = Pattern.compile("[/.a-zA-Z0-9_*$-]*");

  /** The HTTP methods API Gateway puts in an ARN, in the order their resources sort. */
  private static final List<String> METHODS = List.copyOf(new TreeSet<>(Grant.METHODS));

  private PolicyBuilder() {}

  /** The policy for these grants on the target's API and stage, whatever its route. */
  public static PolicyDocument build(Collection<Grant> grants, RouteTarget target) {
    String stage = target.stagePrefix();
    // Covering and merging look at the suffixes alone: the prefix is the same literal text on
    // every resource, so it changes neither, and leaving it out keeps the matching short.
    TreeSet<String> suffixes =
        grants.stream()
            .flatMap(grant -> grant.resourceSuffixes().stream())
            .collect(Collectors.toCollection(TreeSet::new));
    if (suffixes.isEmpty()) {
      return new PolicyDocument(
          List.of(Statement.invoke(Effect.Deny, List.of(checked(stage, "*")))));
    }
    List<String> resources =
        merged(minimal(suffixes)).stream().map(suffix -> checked(stage, suffix)).toList();
    return new PolicyDocument(
        List.of(
            Statement.invoke(Effect.Allow, resources),
            Statement.invoke(Effect.Deny, dotSegmentResources(target.partition()))));
  }

  /**
   * The resources of the explicit Deny on dot segments: every API of the partition, since an Allow
   * elsewhere in the policy names this API and stage only, and it keeps the statement short.
   */
  public static List<String> dotSegmentResources(String partition) {
    String prefix = "arn:" + partition + ":execute-api:*:*:*/";
    return DOT_SEGMENTS.stream()
        .flatMap(segment -> Stream.of(prefix + segment + "/*", prefix + segment))
        .toList();
  }

  /**
   * Drops every resource that another one already covers. A pattern made of literals and {@code *}
   * covers another exactly when it matches the other's text, with the other's stars read as literal
   * characters. Two patterns that cover each other keep the one that sorts first.
   */
  static List<String> minimal(SortedSet<String> sorted) {
    return sorted.stream()
        .filter(candidate -> sorted.stream().noneMatch(other -> covers(other, candidate)))
        .toList();
  }

  /** True when {@code other} covers {@code candidate} and is the one of the two to keep. */
  private static boolean covers(String other, String candidate) {
    return !other.equals(candidate)
        && Wildcard.matches(other, candidate)
        && (other.compareTo(candidate) < 0 || !Wildcard.matches(candidate, other));
  }

  /**
   * Replaces the seven resources {@code M/*…} of one path pattern, one per method, by the single
   * {@code *}{@code /*…}. The two allow the same ARNs: the method is the ARN's first segment and
   * one of those seven, and a pattern that starts with {@code /*} lets the leading star of the
   * merged one span nothing more. A path that starts otherwise keeps its seven resources, since
   * {@code *}{@code /orders} would also match {@code GET/x/orders}.
   */
  static List<String> merged(List<String> minimal) {
    TreeSet<String> suffixes = new TreeSet<>(minimal);
    boolean changed = false;
    for (String suffix : minimal) {
      if (!suffix.startsWith("GET/*")) {
        continue;
      }
      String path = suffix.substring("GET".length());
      if (allMethods(suffixes, path)) {
        for (String method : METHODS) {
          suffixes.remove(method + path);
        }
        suffixes.add("*" + path);
        changed = true;
      }
    }
    return changed ? minimal(suffixes) : minimal;
  }

  private static boolean allMethods(Set<String> suffixes, String path) {
    return METHODS.stream().allMatch(method -> suffixes.contains(method + path));
  }

  private static List<String> dotSegments() {
    List<String> single = List.of(".", "%2e", "%2E");
    return Stream.concat(
            single.stream(),
            single.stream().flatMap(first -> single.stream().map(second -> first + second)))
        .toList();
  }

  private static String checked(String prefix, String suffix) {
    String resource = prefix + suffix;
    if (resource.length() > MAX_RESOURCE_LENGTH || !RESOURCE_SUFFIX.matcher(suffix).matches()) {
      // Grants and targets are validated where they are parsed; reaching this is a bug, and the
      // call fails rather than return a policy API Gateway would reject.
      throw new IllegalStateException(
          "policy resource of " + resource.length() + " characters is not one API Gateway accepts");
    }
    return resource;
  }
}
