package dev.portcullis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a stop (Ctrl-C, SIGTERM) treats requests: it waits for those in flight, and nothing else. */
class StopTest {

  @TempDir Path dir;

  @Test
  void withNothingInFlightAStopDoesNotWaitForItsGrace() {
    GatewaySettings settings = GatewaySettings.defaults(ApiKind.REST_TOKEN);
    try (TestGateway gateway = TestGateway.start(settings, TestAuthorizer.in(dir))) {
      gateway.send("GET", "/orders", "Authorization", "Bearer " + TestGateway.BOB);

      long started = System.nanoTime();
      gateway.gateway.stop(Duration.ofSeconds(10));

      // A deadline, not a timing: the grace is 10 s, and an idle server stops far sooner.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void aRequestInFlightIsLetFinishWithinTheGrace() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    RequestStreamHandler slow =
        (event, response, context) -> {
          entered.countDown();
          try {
            Thread.sleep(300);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          response.write(
              "{\"principalId\":\"bob\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":[\"*\"]}]}}"
                  .getBytes());
        };
    GatewaySettings settings = GatewaySettings.defaults(ApiKind.REST_TOKEN);
    try (TestGateway gateway = TestGateway.start(settings, slow, false, null)) {
      CompletableFuture<Integer> call =
          CompletableFuture.supplyAsync(
              () ->
                  gateway
                      .send("GET", "/orders", "Authorization", "Bearer " + TestGateway.BOB)
                      .statusCode());
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

      gateway.gateway.stop(Duration.ofSeconds(5));

      assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo(200);
    }
  }
}
