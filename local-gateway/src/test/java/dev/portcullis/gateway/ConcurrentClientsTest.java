package dev.portcullis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many clients at once each get the answer meant for them, with the cache shared between them. */
class ConcurrentClientsTest {

  @TempDir Path dir;

  /** One kind of call and the status it must get. */
  private record Call(String method, String path, String token, int status) {}

  private static final List<Call> CALLS =
      List.of(
          new Call("DELETE", "/orders/1", TestGateway.ALICE, 200),
          new Call("GET", "/orders/2", TestGateway.BOB, 200),
          new Call("DELETE", "/orders/3", TestGateway.BOB, 403),
          new Call("GET", "/orders", TestGateway.CAROL, 401),
          new Call("GET", "/orders", TestGateway.DAVE, 403));

  @Test
  void sixteen_clients_at_once_each_get_their_own_answer() throws Exception {
    int clients = 16;
    int callsPerClient = 25;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try (TestGateway gateway =
        TestGateway.start(TestGateway.settings(ApiKind.REST_TOKEN), TestAuthorizer.in(dir))) {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        results.add(
            pool.submit(
                () -> {
                  List<String> wrong = new ArrayList<>();
                  for (int i = 0; i < callsPerClient; i++) {
                    Call call = CALLS.get((client + i) % CALLS.size());
                    int status =
                        gateway.call(call.method(), call.path(), call.token()).statusCode();
                    if (status != call.status()) {
                      wrong.add(call + " got " + status);
                    }
                  }
                  return wrong;
                }));
      }
      List<String> wrong = new ArrayList<>();
      for (Future<List<String>> result : results) {
        wrong.addAll(result.get(60, TimeUnit.SECONDS));
      }

      assertThat(wrong).isEmpty();
      assertThat(gateway.log().lines().filter(l -> l.contains(" cache=")).count())
          .isEqualTo(clients * callsPerClient);
    } finally {
      pool.shutdownNow();
    }
  }
}
