package dev.portcullis.bootstrap.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a CloudFormation template into plain maps, lists and scalars, turning every short-form tag
 * into its long form ({@code !Ref X} into {@code {"Ref": "X"}}, {@code !GetAtt A.B} into {@code
 * {"Fn::GetAtt": ["A", "B"]}}). A tag CloudFormation does not define fails the parse, and so does a
 * duplicate key.
 */
final class CloudFormationYaml {

  /**
   * Every short-form tag of CloudFormation's intrinsic and condition functions, to its long form.
   */
  static final Map<String, String> TAGS =
      Map.ofEntries(
          Map.entry("!Ref", "Ref"),
          Map.entry("!Condition", "Condition"),
          Map.entry("!Base64", "Fn::Base64"),
          Map.entry("!Cidr", "Fn::Cidr"),
          Map.entry("!FindInMap", "Fn::FindInMap"),
          Map.entry("!GetAtt", "Fn::GetAtt"),
          Map.entry("!GetAZs", "Fn::GetAZs"),
          Map.entry("!ImportValue", "Fn::ImportValue"),
          Map.entry("!Join", "Fn::Join"),
          Map.entry("!Length", "Fn::Length"),
          Map.entry("!Select", "Fn::Select"),
          Map.entry("!Split", "Fn::Split"),
          Map.entry("!Sub", "Fn::Sub"),
          Map.entry("!ToJsonString", "Fn::ToJsonString"),
          Map.entry("!Transform", "Fn::Transform"),
          Map.entry("!And", "Fn::And"),
          Map.entry("!Equals", "Fn::Equals"),
          Map.entry("!If", "Fn::If"),
          Map.entry("!Not", "Fn::Not"),
          Map.entry("!Or", "Fn::Or"));

  private CloudFormationYaml() {}

  /** The template as a tree of {@code Map<String, Object>}, {@code List<Object>} and scalars. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String yaml) {
    LoadSettings settings = LoadSettings.builder().setLabel("template.yaml").build();
    Object root = new Load(settings, new Constructor(settings)).loadFromString(yaml);
    if (!(root instanceof Map)) {
      throw new IllegalArgumentException("a template is a YAML mapping, got " + root);
    }
    return (Map<String, Object>) root;
  }

  /** YAML 1.2's standard constructor, plus one constructor per CloudFormation tag. */
  private static final class Constructor extends StandardConstructor {

    Constructor(LoadSettings settings) {
      super(settings);
      TAGS.forEach((tag, longName) -> tagConstructors.put(new Tag(tag), new Intrinsic(longName)));
    }

    /** Builds {@code {longName: value}} from a tagged scalar, sequence or mapping. */
    private final class Intrinsic implements ConstructNode {
      private final String longName;

      Intrinsic(String longName) {
        this.longName = longName;
      }

      @Override
      public Object construct(Node node) {
        Object value;
        if (node instanceof ScalarNode scalar) {
          value = constructScalar(scalar);
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        if (longName.equals("Fn::GetAtt") && value instanceof String dotted) {
          int dot = dotted.indexOf('.');
          value =
              dot < 0
                  ? List.of(dotted)
                  : new ArrayList<Object>(
                      List.of(dotted.substring(0, dot), dotted.substring(dot + 1)));
        }
        Map<String, Object> intrinsic = new LinkedHashMap<>();
        intrinsic.put(longName, value);
        return intrinsic;
      }
    }
  }
}
