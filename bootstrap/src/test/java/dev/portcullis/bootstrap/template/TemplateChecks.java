package dev.portcullis.bootstrap.template;

import java.util.List;
import java.util.function.Function;

/**
 * Every check that {@code template.yaml} deploys what Portcullis expects. Each check returns the
 * problems it found, in words an operator can act on; an empty list means it passed. They find the
 * authorizer, its role and its table by meaning ({@link AuthorizerLookups}), not by logical id.
 */
final class TemplateChecks {

  private static final List<Function<Template, List<String>>> CHECKS =
      List.of(
          FunctionChecks::all,
          EnvironmentChecks::all,
          TableChecks::all,
          RoleChecks::all,
          ReferenceChecks::all,
          AuthorizerChecks::all,
          OutputChecks::all,
          DirectIntegrationChecks::all);

  private TemplateChecks() {}

  /** Every check, for one assertion on the real template. */
  static List<String> all(Template t) {
    return CHECKS.stream().flatMap(check -> check.apply(t).stream()).toList();
  }
}
