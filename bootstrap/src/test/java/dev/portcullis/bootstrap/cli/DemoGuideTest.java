package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.bootstrap.Portcullis;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import dev.portcullis.gateway.DemoGuide;
import dev.portcullis.gateway.GatewaySettings;
import dev.portcullis.gateway.TestGateway;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every curl line that {@code serve --demo} prints gets the status its comment promises, run in the
 * order printed against a gateway started as the command starts it.
 */
class DemoGuideTest {

  private static final Pattern COMMENT = Pattern.compile("^  # (\\d{3}): .*$");
  private static final Pattern HEADER = Pattern.compile("-H '([^:]+): ([^']*)'");
  private static final Pattern METHOD = Pattern.compile("-X ([A-Z]+)");
  private static final Pattern URL = Pattern.compile("'(http://[^']+)'$");

  static Stream<Arguments> demos() {
    return Stream.of(
        Arguments.of("rest-token", Map.of(), Set.of(), 7),
        Arguments.of("rest-request", Map.of(), Set.of(), 7),
        Arguments.of("http-1.0", Map.of(), Set.of(), 7),
        Arguments.of("http-2.0", Map.of(), Set.of(), 7),
        Arguments.of("websocket", Map.of(), Set.of(), 4),
        Arguments.of("rest-token", Map.of(), Set.of("naive"), 2),
        Arguments.of("rest-token", Map.of("cache-ttl", "0"), Set.of("naive"), 2),
        Arguments.of("rest-request", Map.of("cache-ttl", "0"), Set.of(), 5),
        Arguments.of("http-2.0", Map.of("simple", "true"), Set.of(), 5),
        Arguments.of(
            "http-2.0",
            Map.of(
                "simple", "true",
                "identity-source", "$request.header.Authorization,$context.routeKey"),
            Set.of(),
            5));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("demos")
  void every_printed_curl_line_gets_the_status_it_promises(
      String kind, Map<String, String> options, Set<String> flags, int lines) {
    Map<String, String> values = new HashMap<>(options);
    boolean simple = values.remove("simple") != null;
    values.put("kind", kind);
    Set<String> allFlags = new HashSet<>(flags);
    allFlags.add("demo");
    GatewaySettings settings = ServeOptions.fromOptions(values, allFlags).gateway();
    Map<String, String> env =
        DemoWorld.environment(simple ? Map.of("PORTCULLIS_HTTP_RESPONSE", "simple") : Map.of());
    try (TestGateway gateway = serve(settings, env)) {
      String guide = guide(gateway, settings, simple);
      List<String> wrong = new ArrayList<>();
      int run = 0;
      String[] text = guide.split("\n");
      for (int i = 0; i + 1 < text.length; i++) {
        Matcher comment = COMMENT.matcher(text[i]);
        if (!comment.matches()) {
          continue;
        }
        String curl = text[i + 1].trim();
        int status = status(gateway, curl);
        run++;
        if (status != Integer.parseInt(comment.group(1))) {
          wrong.add(text[i].trim() + " -> got " + status + " for " + curl);
        }
      }

      assertThat(wrong).as(guide).isEmpty();
      assertThat(run).as(guide).isEqualTo(lines);
    }
  }

  @org.junit.jupiter.api.Test
  void run_in_the_printed_order_both_trap_calls_are_answered_from_the_cache_as_the_guide_says() {
    GatewaySettings settings = ServeOptions.fromOptions(Map.of(), Set.of("demo")).gateway();
    try (TestGateway gateway = serve(settings, DemoWorld.environment(Map.of()))) {
      String guide = guide(gateway, settings, false);
      List<String> curls = new ArrayList<>();
      String[] text = guide.split("\n");
      for (int i = 0; i + 1 < text.length; i++) {
        if (COMMENT.matcher(text[i]).matches()) {
          curls.add(text[i + 1].trim());
        }
      }
      curls.forEach(curl -> status(gateway, curl));

      List<String> log = gateway.log().lines().filter(l -> l.contains(" cache=")).toList();
      assertThat(guide).contains("(cache=hit in the log)");
      assertThat(log.subList(log.size() - 2, log.size()))
          .satisfiesExactly(
              first -> assertThat(first).contains("GET /orders 200").contains("cache=hit"),
              second -> assertThat(second).contains("GET /orders/7 200").contains("cache=hit"));
    }
  }

  /** A gateway in front of the authorizer that {@code env} configures, wired as serve wires it. */
  private static TestGateway serve(GatewaySettings settings, Map<String, String> env) {
    PortcullisComponent component =
        Portcullis.fromEnvironment(env, new PrintStream(OutputStream.nullOutputStream()));
    return TestGateway.start(
        settings,
        ServeCommand.authorizer(component),
        ServeCommand.simpleResponses(component),
        null);
  }

  /** The guide serve prints for a gateway at {@code gateway}'s address. */
  private static String guide(TestGateway gateway, GatewaySettings settings, boolean simple) {
    return DemoGuide.text(settings, gateway.gateway.baseUri(), simple, ServeCommand.DEMO_TOKENS);
  }

  private static int status(TestGateway gateway, String curl) {
    assertThat(curl).startsWith("curl -i");
    Matcher method = METHOD.matcher(curl);
    Matcher url = URL.matcher(curl);
    assertThat(url.find()).as(curl).isTrue();
    List<String> headers = new ArrayList<>();
    Matcher header = HEADER.matcher(curl);
    while (header.find()) {
      headers.add(header.group(1));
      headers.add(header.group(2));
    }
    String path = url.group(1).substring(gateway.gateway.baseUri().toString().length());
    return gateway
        .send(method.find() ? method.group(1) : "GET", path, headers.toArray(String[]::new))
        .statusCode();
  }
}
