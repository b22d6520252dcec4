package dev.portcullis.bootstrap.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The template parser: CloudFormation's short forms become long forms; nothing unknown slips by.
 */
class CloudFormationYamlTest {

  @Test
  void short_form_tags_read_as_their_long_form() {
    Map<String, Object> root =
        CloudFormationYaml.parse(
            """
            A: !Ref Table
            B: !GetAtt Table.Arn
            C: !Sub "arn:${AWS::Partition}:x"
            D: !If [Cond, !Ref AWS::NoValue, !Join [",", [a, b]]]
            E: !Not [!Equals [!Ref P, ""]]
            F: !Condition Cond
            """);

    assertThat(root.get("A")).isEqualTo(Map.of("Ref", "Table"));
    assertThat(root.get("B")).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "Arn")));
    assertThat(root.get("C")).isEqualTo(Map.of("Fn::Sub", "arn:${AWS::Partition}:x"));
    assertThat(root.get("D"))
        .isEqualTo(
            Map.of(
                "Fn::If",
                List.of(
                    "Cond",
                    Map.of("Ref", "AWS::NoValue"),
                    Map.of("Fn::Join", List.of(",", List.of("a", "b"))))));
    assertThat(root.get("E"))
        .isEqualTo(
            Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "P"), "")))));
    assertThat(root.get("F")).isEqualTo(Map.of("Condition", "Cond"));
  }

  @Test
  void a_tag_cloudformation_does_not_define_fails_the_parse() {
    assertThatThrownBy(() -> CloudFormationYaml.parse("A: !Reff Table"))
        .hasMessageContaining("!Reff");
  }

  @Test
  void a_duplicate_key_fails_the_parse() {
    assertThatThrownBy(() -> CloudFormationYaml.parse("A: 1\nA: 2"))
        .hasMessageContaining("duplicate key A");
  }
}
