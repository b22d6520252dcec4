package dev.portcullis.bootstrap;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The deployable handler under a coverage-guided fuzzer: every input, however hostile, keeps the
 * invariants of {@link FuzzInvariants}. Under {@code mvn verify} each test runs once over every
 * input committed in {@code HandlerFuzzTestInputs/} (its regression corpus, and every input a past
 * finding produced); with {@code JAZZER_FUZZ=1} one of them fuzzes for as long as {@code
 * -Djazzer.max_duration} says (docs/security.md, "Fuzzing").
 */
class HandlerFuzzTest {

  private static final FuzzWorld IAM = new FuzzWorld(false);
  private static final FuzzWorld SIMPLE = new FuzzWorld(true);

  @FuzzTest(maxDuration = "10m")
  void arbitrary_bytes_as_an_event_keep_every_invariant(byte[] event) {
    FuzzInvariants.check(IAM, event, IAM.call(event));
  }

  @FuzzTest(maxDuration = "10m")
  void valid_events_mutated_field_by_field_keep_every_invariant(FuzzedDataProvider data) {
    FuzzWorld world = data.consumeBoolean() ? SIMPLE : IAM;
    byte[] event = FuzzEvents.mutated(data);
    FuzzInvariants.check(world, event, world.call(event));
  }
}
