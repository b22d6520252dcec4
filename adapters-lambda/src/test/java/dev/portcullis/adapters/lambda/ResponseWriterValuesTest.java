package dev.portcullis.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.policy.Effect;
import dev.portcullis.domain.policy.PolicyDocument;
import dev.portcullis.domain.policy.Statement;
import dev.portcullis.domain.port.in.Decision;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The answer writer with every value a context may hold, a statement of several actions, and a
 * context value that API Gateway would refuse.
 */
class ResponseWriterValuesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Identity ALICE =
      new Identity("alice", Set.of("admin"), Map.of(), Instant.parse("2030-01-01T00:00:00Z"), "m");
  private static final String ARN = Demo.GET_ORDERS;

  private static Decision.Authenticated decision(
      List<String> actions, Map<String, Object> context) {
    PolicyDocument policy =
        new PolicyDocument(List.of(new Statement(Effect.Allow, actions, List.of(ARN))));
    return new Decision.Authenticated(ALICE, policy, context, true, Optional.empty());
  }

  @Test
  void integers_and_booleans_in_the_context_are_written_as_json_numbers_and_booleans()
      throws Exception {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("count", 7);
    context.put("admin", true);
    context.put("since", 1_893_456_000L);

    JsonNode answer =
        JSON.readTree(
            ResponseWriter.encode(
                EventKind.REST_TOKEN,
                HttpResponseMode.IAM,
                decision(List.of(Statement.INVOKE), context)));

    assertThat(answer.at("/context/count").isInt()).isTrue();
    assertThat(answer.at("/context/count").asInt()).isEqualTo(7);
    assertThat(answer.at("/context/admin").isBoolean()).isTrue();
    assertThat(answer.at("/context/admin").asBoolean()).isTrue();
    assertThat(answer.at("/context/since").asLong()).isEqualTo(1_893_456_000L);
  }

  @Test
  void a_statement_of_several_actions_lists_them_all() throws Exception {
    List<String> actions = List.of(Statement.INVOKE, "execute-api:ManageConnections");

    JsonNode answer =
        JSON.readTree(
            ResponseWriter.encode(
                EventKind.REST_TOKEN, HttpResponseMode.IAM, decision(actions, Map.of())));

    JsonNode written = answer.at("/policyDocument/Statement/0/Action");
    assertThat(written.isArray()).isTrue();
    assertThat(written).extracting(JsonNode::asText).containsExactlyElementsOf(actions);
  }

  @Test
  void a_context_value_that_is_no_scalar_is_refused_before_anything_is_written() {
    Map<String, Object> context = Map.of("list", List.of("a"));

    assertThatThrownBy(
            () ->
                ResponseWriter.encode(
                    EventKind.REST_TOKEN,
                    HttpResponseMode.IAM,
                    decision(List.of(Statement.INVOKE), context)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'list'");
  }
}
