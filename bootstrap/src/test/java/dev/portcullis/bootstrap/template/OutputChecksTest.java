package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.map;
import static dev.portcullis.bootstrap.template.TemplateParts.replaceInSub;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the stack tells its user when it is done; each check fails on a copy of {@code
 * template.yaml} broken on purpose.
 */
class OutputChecksTest {

  @Test
  void the_outputs_give_both_urls_the_table_and_the_first_session() {
    assertThat(OutputChecks.all(Template.repository())).isEmpty();
  }

  @Test
  void a_missing_first_session_command_is_reported() {
    Template t = Template.repository();
    t.outputs().remove("IssueFirstSession");

    assertThat(OutputChecks.all(t))
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).contains("the first session's environment"))
        .anySatisfy(p -> assertThat(p).contains("the first session's command"))
        .anySatisfy(p -> assertThat(p).contains("the deployed rules"));
  }

  @Test
  void a_first_session_command_without_the_deployed_rules_is_reported() {
    Template t = Template.repository();
    replaceInSub(
        map(t.outputs().get("IssueFirstSession")), "Value", "'${Rules}'", "'{\"roles\":{}}'");

    assertThat(OutputChecks.all(t))
        .singleElement()
        .asString()
        .contains("the deployed rules, so that sessions issue knows the roles");
  }
}
