package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.AuthorizerLookups.CODE_URI;
import static dev.portcullis.bootstrap.template.AuthorizerLookups.authorizer;
import static dev.portcullis.bootstrap.template.AuthorizerLookups.sessionTable;
import static dev.portcullis.bootstrap.template.Template.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The check of the stack's outputs: the URLs, the table, and how to issue a first session. */
final class OutputChecks {

  private OutputChecks() {}

  /** The stack tells its user the URLs, the table, and how to issue a first session. */
  static List<String> all(Template t) {
    List<String> problems = new ArrayList<>();
    Optional<String> table = sessionTable(t);
    String all = String.valueOf(t.outputs());
    for (String api : t.resourcesOfType("AWS::Serverless::Api")) {
      requireOutput(problems, all, "${" + api + "}.execute-api", "the URL of " + api);
    }
    for (String api : t.resourcesOfType("AWS::Serverless::HttpApi")) {
      requireOutput(problems, all, "${" + api + "}.execute-api", "the URL of " + api);
    }
    table.ifPresent(id -> requireOutput(problems, all, "{Ref=" + id + "}", "the table name"));
    table.ifPresent(
        id ->
            requireOutput(
                problems,
                all,
                "PORTCULLIS_BACKENDS=dynamodb PORTCULLIS_TABLE=${"
                    + id
                    + "} AWS_REGION=${AWS::Region}",
                "the first session's environment"));
    requireOutput(
        problems,
        all,
        "java -jar " + CODE_URI + " sessions issue --principal alice --roles admin --ttl 8h",
        "the first session's command");
    authorizer(t)
        .map(fn -> at(t.properties(fn), "Environment", "Variables", "PORTCULLIS_RULES", "Ref"))
        .ifPresent(
            rules ->
                requireOutput(
                    problems,
                    all,
                    "PORTCULLIS_RULES='${" + rules + "}'",
                    "the deployed rules, so that sessions issue knows the roles"));
    return problems;
  }

  private static void requireOutput(
      List<String> problems, String outputs, String text, String what) {
    if (!outputs.contains(text)) {
      problems.add("the outputs do not give " + what + " (expected to find: " + text + ")");
    }
  }
}
