package dev.portcullis.bootstrap.cli;

import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.policy.PolicyDocument;
import dev.portcullis.domain.policy.Statement;
import dev.portcullis.domain.port.in.Explanation;
import dev.portcullis.domain.port.in.Explanation.BackendStep;
import dev.portcullis.domain.port.in.Explanation.GrantCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Writes an {@link Explanation} for a person, or as plain maps and lists for {@code --json}. */
final class ExplanationText {

  private ExplanationText() {}

  /** Some lines a person reads from top to bottom: the status first, then how it came about. */
  static String forPeople(Explanation explanation) {
    StringBuilder text = new StringBuilder();
    text.append("status: ")
        .append(explanation.status().code())
        .append(" (")
        .append(explanation.reason())
        .append(")\n");
    text.append("backends:");
    if (explanation.backends().isEmpty()) {
      text.append(" none asked\n");
    } else {
      text.append('\n');
      for (BackendStep step : explanation.backends()) {
        text.append("  ")
            .append(step.backend())
            .append(": ")
            .append(step.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .append(" (")
            .append(step.detail())
            .append(")\n");
      }
    }
    explanation
        .identity()
        .ifPresent(
            identity ->
                text.append("identity:\n")
                    .append("  principal: ")
                    .append(identity.principalId())
                    .append("\n  roles: ")
                    .append(String.join(", ", new TreeSet<>(identity.roles())))
                    .append("\n  attributes: ")
                    .append(attributes(identity))
                    .append("\n  backend: ")
                    .append(identity.backend())
                    .append(", expires ")
                    .append(identity.expiresAt())
                    .append('\n'));
    if (!explanation.grants().isEmpty()) {
      text.append("grants:\n");
      for (GrantCheck check : explanation.grants()) {
        text.append("  role '").append(check.role()).append("': ").append(check.grant());
        check.appliedAs().ifPresent(applied -> text.append(" as ").append(applied));
        text.append(
            check
                .droppedBecause()
                .map(reason -> ": dropped, " + reason)
                .orElse(check.coversRoute() ? ": covers the route" : ": does not cover the route"));
        text.append('\n');
      }
    }
    explanation
        .policy()
        .ifPresent(
            policy -> {
              text.append("policy:\n");
              for (Statement statement : policy.statements()) {
                for (String resource : statement.resources()) {
                  text.append("  ")
                      .append(statement.effect())
                      .append(' ')
                      .append(resource)
                      .append('\n');
                }
              }
              text.append("matched: ")
                  .append(
                      explanation
                          .matchedResource()
                          .orElse("no resource matches the route, so it is denied"))
                  .append('\n');
            });
    return text.toString().stripTrailing();
  }

  /** The explanation as maps, lists and scalars, in a stable order. */
  static Map<String, Object> asMap(Explanation explanation) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("status", explanation.status().code());
    map.put("reason", explanation.reason());
    map.put(
        "backends",
        explanation.backends().stream()
            .map(
                step ->
                    Map.of(
                        "backend",
                        step.backend(),
                        "outcome",
                        step.outcome().name().toLowerCase(Locale.ROOT),
                        "detail",
                        step.detail()))
            .map(TreeMap::new)
            .toList());
    explanation.identity().ifPresent(identity -> map.put("identity", identity(identity)));
    map.put("grants", explanation.grants().stream().map(ExplanationText::grant).toList());
    explanation.policy().ifPresent(policy -> map.put("policy", policy(policy)));
    explanation.matchedResource().ifPresent(resource -> map.put("matchedResource", resource));
    return map;
  }

  private static Map<String, Object> identity(Identity identity) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("principalId", identity.principalId());
    map.put("roles", List.copyOf(new TreeSet<>(identity.roles())));
    map.put("attributes", new TreeMap<>(identity.attributes()));
    map.put("backend", identity.backend());
    map.put("expiresAt", identity.expiresAt().toString());
    return map;
  }

  private static Map<String, Object> grant(GrantCheck check) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("role", check.role());
    map.put("grant", check.grant());
    check.appliedAs().ifPresent(applied -> map.put("appliedAs", applied));
    map.put("coversRoute", check.coversRoute());
    check.droppedBecause().ifPresent(reason -> map.put("droppedBecause", reason));
    return map;
  }

  private static List<Map<String, Object>> policy(PolicyDocument policy) {
    return policy.statements().stream()
        .map(
            statement -> {
              Map<String, Object> map = new LinkedHashMap<>();
              map.put("Effect", statement.effect().name());
              map.put("Resource", statement.resources());
              return map;
            })
        .toList();
  }

  private static String attributes(Identity identity) {
    return identity.attributes().isEmpty()
        ? "none"
        : new TreeMap<>(identity.attributes())
            .entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
  }
}
