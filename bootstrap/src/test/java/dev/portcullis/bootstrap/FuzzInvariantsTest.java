package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fuzzer's invariants catch what they promise to: each one fails on a call that breaks it. */
class FuzzInvariantsTest {

  private static final FuzzWorld WORLD = new FuzzWorld(false);
  private static final String ADMIN = FuzzWorld.SEEDED.get(0).token();
  private static final String ARN =
      "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/orders";

  @Test
  void a_real_allow_for_the_admin_token_keeps_every_invariant() {
    byte[] event = tokenEvent(ADMIN, ARN);

    assertThatCode(() -> FuzzInvariants.check(WORLD, event, WORLD.call(event)))
        .doesNotThrowAnyException();
  }

  @Test
  void an_answer_to_an_event_without_the_principals_token_is_a_finding() {
    FuzzWorld.Call allowed = WORLD.call(tokenEvent(ADMIN, ARN));

    assertThatThrownBy(() -> FuzzInvariants.check(WORLD, tokenEvent("pcs_other", ARN), allowed))
        .hasMessageContaining("without its token in the event");
  }

  @Test
  void an_answer_for_another_stage_than_the_event_names_is_a_finding() {
    FuzzWorld.Call allowed = WORLD.call(tokenEvent(ADMIN, ARN));
    byte[] otherStage = tokenEvent(ADMIN, ARN.replace("/prod/", "/test/"));

    assertThatThrownBy(() -> FuzzInvariants.check(WORLD, otherStage, allowed))
        .hasMessageContaining("policy differs");
  }

  @Test
  void an_undocumented_exception_is_a_finding() {
    FuzzWorld.Call failed =
        new FuzzWorld.Call(new byte[0], new IllegalStateException("boom"), "", "", 1);

    assertThatThrownBy(() -> FuzzInvariants.check(WORLD, tokenEvent(ADMIN, ARN), failed))
        .hasMessageContaining("IllegalStateException, undocumented");
  }

  @Test
  void
      a_slice_of_a_token_in_the_log_is_a_finding_but_one_echoed_from_the_arn_in_the_answer_is_not() {
    String slice = ADMIN.substring(3, 3 + FuzzInvariants.SLICE);
    FuzzWorld.Call leaked =
        new FuzzWorld.Call(new byte[0], null, "{\"x\":\"" + slice + "\"}", "", 1);

    assertThatThrownBy(() -> FuzzInvariants.check(WORLD, tokenEvent(ADMIN, ARN), leaked))
        .hasMessageContaining("was printed");

    byte[] echoing = tokenEvent("pcs_unknown", ARN.replace("/orders", "/" + slice));
    FuzzWorld.Call echoed =
        new FuzzWorld.Call(
            ("{\"r\":\"" + slice + "\"}").getBytes(StandardCharsets.UTF_8), null, "", "", 1);
    assertThatThrownBy(() -> FuzzInvariants.check(WORLD, echoing, echoed))
        .hasMessageNotContaining("was printed");
  }

  @Test
  void a_call_that_takes_longer_than_the_bound_is_a_finding() {
    FuzzWorld.Call slow =
        new FuzzWorld.Call(
            new byte[0], null, "", "", (FuzzInvariants.MAX_CALL_MILLIS + 1) * 1_000_000);

    assertThatThrownBy(() -> FuzzInvariants.check(WORLD, tokenEvent(ADMIN, ARN), slow))
        .hasMessageContaining("one call took");
  }

  private static byte[] tokenEvent(String token, String arn) {
    return ("{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer "
            + token
            + "\",\"methodArn\":\""
            + arn
            + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
