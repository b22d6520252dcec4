package dev.portcullis.domain.rules;

import dev.portcullis.domain.model.AsciiText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which grants each role holds. The role {@value #ANY_AUTHENTICATED} holds the grants of every
 * authenticated identity.
 */
public final class AccessRules {

  /** The role every authenticated identity has. */
  public static final String ANY_AUTHENTICATED = "*";

  private final Map<String, List<Grant>> grantsByRole;

  private AccessRules(Map<String, List<Grant>> grantsByRole) {
    this.grantsByRole = grantsByRole;
  }

  /**
   * Builds rules from role names and grant texts, checking all of them first.
   *
   * @throws InvalidRulesException naming every role and grant that is wrong
   */
  public static AccessRules of(Map<String, ? extends Collection<String>> grantTextsByRole) {
    List<String> problems = new ArrayList<>();
    Map<String, List<Grant>> grants = new TreeMap<>();
    // A loop, not forEach with a lambda: rules are read while the handler is built, where the
    // first lambda in a JVM costs about 8 ms.
    for (Map.Entry<String, ? extends Collection<String>> entry : grantTextsByRole.entrySet()) {
      String role = entry.getKey();
      Collection<String> texts = entry.getValue();
      if (role == null || !AsciiText.isVisible(role, 128, ",")) {
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
    if (!problems.isEmpty()) {
      throw new InvalidRulesException(problems);
    }
    return new AccessRules(Map.copyOf(grants));
  }

  /** The grants of the given roles and of {@value #ANY_AUTHENTICATED}, without duplicates. */
  public Set<Grant> grantsFor(Collection<String> roles) {
    Set<Grant> result =
        new LinkedHashSet<>(grantsByRole.getOrDefault(ANY_AUTHENTICATED, List.of()));
    for (String role : roles) {
      result.addAll(grantsByRole.getOrDefault(role, List.of()));
    }
    return result;
  }

  /** The role names, sorted. */
  public Set<String> roles() {
    return new TreeMap<>(grantsByRole).keySet();
  }

  /** Role to grants, as configured. */
  public Map<String, List<Grant>> asMap() {
    return grantsByRole;
  }
}
