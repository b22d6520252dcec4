package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.AuthorizerLookups.authorizer;
import static dev.portcullis.bootstrap.template.AuthorizerLookups.sessionTable;
import static dev.portcullis.bootstrap.template.Template.at;
import static dev.portcullis.bootstrap.template.Template.list;
import static dev.portcullis.bootstrap.template.Template.map;
import static dev.portcullis.bootstrap.template.Template.oneOrMany;
import static dev.portcullis.bootstrap.template.Template.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check of the authorizer's role: assumed by Lambda alone, it allows exactly the calls the
 * authorizer's path makes, on the sessions table only, and logs.
 */
final class RoleChecks {

  /** The only managed policy the authorizer's role may carry: CloudWatch Logs, nothing else. */
  static final String BASIC_EXECUTION_POLICY = "policy/service-role/AWSLambdaBasicExecutionRole";

  private RoleChecks() {}

  /** The authorizer's role allows exactly what its path calls, on the sessions table only. */
  static List<String> all(Template t) {
    List<String> problems = new ArrayList<>();
    Optional<String> fn = authorizer(t);
    Optional<String> tableId = sessionTable(t);
    if (fn.isEmpty() || tableId.isEmpty()) {
      return List.of("no authorizer function or no sessions table, so no role to check");
    }
    Map<String, Object> props = t.properties(fn.get());
    if (props.containsKey("Policies")) {
      problems.add(
          "the authorizer has SAM Policies: with its own Role, grant everything in that role only");
    }
    List<Object> getAtt = list(map(props.get("Role")).get("Fn::GetAtt"));
    String roleId =
        getAtt.size() == 2 && "Arn".equals(getAtt.get(1)) ? string(getAtt.get(0)) : null;
    if (roleId == null || !"AWS::IAM::Role".equals(t.typeOf(roleId).orElse(null))) {
      problems.add(
          "the authorizer's Role must be !GetAtt ROLE.Arn of an AWS::IAM::Role of this template,"
              + " got "
              + props.get("Role"));
      return problems;
    }
    Map<String, Object> role = t.properties(roleId);
    for (Object statement : list(at(role, "AssumeRolePolicyDocument", "Statement"))) {
      Object service = at(statement, "Principal", "Service");
      if (!"lambda.amazonaws.com".equals(service)) {
        problems.add(roleId + " may be assumed by " + service + ", not only by Lambda");
      }
    }
    for (Object arn : list(role.get("ManagedPolicyArns"))) {
      String text = arn instanceof String s ? s : string(map(arn).get("Fn::Sub"));
      if (text == null || !text.endsWith(BASIC_EXECUTION_POLICY)) {
        problems.add(
            roleId
                + " carries the managed policy "
                + arn
                + ": only AWSLambdaBasicExecutionRole (logs) is allowed");
      }
    }
    for (String other : t.resourcesOfType("AWS::IAM::Policy")) {
      if (list(t.properties(other).get("Roles")).contains(Template.ref(roleId))) {
        problems.add(other + " attaches further permissions to " + roleId);
      }
    }
    Set<String> expected = SessionAdapter.authorizerActions();
    Set<String> granted = new TreeSet<>();
    Object tableArn = Map.of("Fn::GetAtt", List.of(tableId.get(), "Arn"));
    for (Object policy : list(role.get("Policies"))) {
      for (Object statement : list(at(policy, "PolicyDocument", "Statement"))) {
        Map<String, Object> s = map(statement);
        if (s.containsKey("NotAction") || s.containsKey("NotResource")) {
          problems.add(roleId + " has a NotAction or NotResource statement: name actions instead");
        }
        if (!"Allow".equals(s.get("Effect"))) {
          continue;
        }
        List<Object> actions = oneOrMany(s.get("Action"));
        List<Object> resources = oneOrMany(s.get("Resource"));
        for (Object action : actions) {
          granted.add(String.valueOf(action));
        }
        for (Object resource : resources) {
          if (!tableArn.equals(resource)) {
            problems.add(
                roleId
                    + " grants "
                    + actions
                    + " on "
                    + resource
                    + ": grant only on the sessions table, !GetAtt "
                    + tableId.get()
                    + ".Arn");
          }
        }
      }
    }
    for (String action : expected) {
      if (!granted.contains(action)) {
        problems.add(
            "the authorizer calls "
                + action
                + " but "
                + roleId
                + " does not allow it: every lookup would fail (500)");
      }
    }
    for (String action : granted) {
      if (!expected.contains(action)) {
        problems.add(
            roleId
                + " allows "
                + action
                + ", which the authorizer never calls (it calls only "
                + expected
                + "): remove it");
      }
    }
    return problems;
  }
}
