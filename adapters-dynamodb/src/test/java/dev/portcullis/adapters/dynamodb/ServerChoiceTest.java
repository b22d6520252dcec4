package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Which server the integration tests use: the environment, then Docker, then dynalite. */
class ServerChoiceTest {

  private final AtomicInteger dockerQuestions = new AtomicInteger();

  @Test
  void an_endpoint_in_the_environment_wins_and_docker_is_not_even_asked() {
    ServerChoice choice =
        ServerChoice.choose(
            Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"), docker(true));

    assertThat(choice).isEqualTo(new ServerChoice.External(URI.create("http://127.0.0.1:8000")));
    assertThat(dockerQuestions).hasValue(0);
  }

  @Test
  void without_an_endpoint_a_reachable_docker_engine_runs_dynamodb_local() {
    ServerChoice choice = ServerChoice.choose(Map.of(), docker(true));

    assertThat(choice).isInstanceOf(ServerChoice.Container.class);
  }

  @Test
  void without_an_endpoint_or_docker_the_tests_start_dynalite() {
    ServerChoice choice = ServerChoice.choose(Map.of(), docker(false));

    assertThat(choice).isInstanceOf(ServerChoice.Dynalite.class);
  }

  @Test
  void a_blank_endpoint_counts_as_unset() {
    ServerChoice choice =
        ServerChoice.choose(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "  "), docker(false));

    assertThat(choice).isInstanceOf(ServerChoice.Dynalite.class);
  }

  private BooleanSupplier docker(boolean available) {
    return () -> {
      dockerQuestions.incrementAndGet();
      return available;
    };
  }
}
