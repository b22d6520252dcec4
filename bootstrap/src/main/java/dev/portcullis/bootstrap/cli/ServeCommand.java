package dev.portcullis.bootstrap.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.adapters.lambda.HttpResponseMode;
import dev.portcullis.bootstrap.Portcullis;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import dev.portcullis.gateway.ApiKind;
import dev.portcullis.gateway.Banner;
import dev.portcullis.gateway.CallExplainer;
import dev.portcullis.gateway.DemoGuide;
import dev.portcullis.gateway.DemoTokens;
import dev.portcullis.gateway.GatewaySettings;
import dev.portcullis.gateway.LocalGateway;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code serve}: a local API Gateway in front of the authorizer, until Ctrl-C. The command wires
 * the two together: it reads the options, builds the authorizer exactly as Lambda's handler does,
 * and starts the gateway of the local-gateway module in front of it.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    header = "Run a local API Gateway in front of the authorizer (try --demo).",
    description = {
      "A local API Gateway, with no Docker and no AWS account. For every request it builds the"
          + " authorizer event API Gateway would send for --kind, runs it through exactly the"
          + " wiring Lambda uses (configured by the PORTCULLIS_* variables), caches the answer as"
          + " API Gateway does, evaluates the policy against the request's ARN, and answers 401,"
          + " 403 or 500 as API Gateway would. Allowed requests go to --upstream with the"
          + " authorizer's answer in X-Portcullis-* headers, or to a built-in echo. The decision"
          + " inspector at /_portcullis/ shows the last 200 requests, each with its event (tokens"
          + " masked), answer, policy and explanation. See docs/local-gateway.md.",
      ""
    },
    footer = {
      "",
      "Ctrl-C (or SIGTERM) stops it: requests in flight get up to a second to finish. The access"
          + " log goes to standard error, one line per request, never a token."
    })
public final class ServeCommand implements Callable<Integer> {

  /** How long a stop waits for requests in flight. */
  static final Duration STOP_GRACE = Duration.ofSeconds(1);

  /** The demo world's tokens, for the curl lines of the demo guide. */
  static final DemoTokens DEMO_TOKENS =
      new DemoTokens(DemoWorld.ADMIN_TOKEN, DemoWorld.READER_TOKEN, DemoWorld.EXPIRED_TOKEN);

  @Mixin CommonOptions common;

  @Option(
      names = "--demo",
      description =
          "The in-memory backend with the shipped demo rules and sessions (an admin, a reader, an"
              + " expired session), whatever PORTCULLIS_BACKENDS, PORTCULLIS_RULES and"
              + " PORTCULLIS_SESSIONS_FILE say; prints curl lines.")
  boolean demo;

  @Option(
      names = "--naive",
      description =
          "With --demo: narrow each policy to the one ARN called, to show the cached-policy trap"
              + " that Portcullis avoids.")
  boolean naive;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port to listen on (default 8080; 0 picks a free one).")
  String port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "Address to bind (default 127.0.0.1, this machine only).")
  String host;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description =
          "The API and authorizer played: rest-token (default), rest-request, http-1.0, http-2.0,"
              + " websocket.")
  String kind;

  @Option(
      names = "--identity-source",
      paramLabel = "LIST",
      description =
          "API Gateway's syntax, comma-separated: method.request.header.NAME and"
              + " method.request.querystring.NAME (REST), $request.header.NAME,"
              + " $request.querystring.NAME and $context.routeKey (HTTP API),"
              + " route.request.header.NAME and route.request.querystring.NAME (WebSocket)."
              + " Default: the Authorization header.")
  String identitySource;

  @Option(
      names = "--cache-ttl",
      paramLabel = "SECONDS",
      description = "Authorizer result TTL, 0 (off) to 3600 (default 300; 0 for websocket).")
  String cacheTtl;

  @Option(
      names = "--upstream",
      paramLabel = "URL",
      description = "Forward allowed requests to this http(s) URL.")
  String upstream;

  @Option(names = "--api-id", paramLabel = "ID", description = "Default abcdef1234.")
  String apiId;

  @Option(names = "--stage", paramLabel = "STAGE", description = "Default prod.")
  String stage;

  @Option(names = "--account", paramLabel = "ACCOUNT", description = "Default 123456789012.")
  String account;

  @Option(names = "--region", paramLabel = "REGION", description = "Default us-east-1.")
  String region;

  @Option(
      names = "--decision-log",
      description = "Also print the authorizer's JSON decision lines to standard error.")
  boolean decisionLog;

  private final Terminal terminal;

  @Inject
  ServeCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    ServeOptions options;
    try {
      options = ServeOptions.fromOptions(values(), flags());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    GatewaySettings settings = options.gateway();
    Map<String, String> variables = common.environment(terminal).variables();
    Map<String, String> env = options.demo() ? DemoWorld.environment(variables) : variables;
    PrintStream decisions =
        options.decisionLog() ? terminal.err() : new PrintStream(OutputStream.nullOutputStream());
    Configuration configuration = Configuration.fromEnvironment(env);
    configuration.warnings().forEach(w -> terminal.err().println("warning: " + w));
    PortcullisComponent component = Portcullis.build(configuration, env, decisions);
    boolean simple = simpleResponses(component);
    if (settings.naive() && simple && settings.kind() == ApiKind.HTTP_V2) {
      throw new UsageException(
          "--naive narrows IAM policies, and simple responses (PORTCULLIS_HTTP_RESPONSE=simple)"
              + " have none");
    }
    LocalGateway gateway;
    try {
      gateway =
          LocalGateway.builder(settings, authorizer(component))
              .explainer(explainer(component))
              .simpleResponses(simple)
              .log(terminal.err())
              .start();
    } catch (BindException e) {
      throw new UsageException(
          "cannot listen on "
              + settings.host()
              + ":"
              + settings.port()
              + " ("
              + e.getMessage()
              + "): pick another --port");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  gateway.stop(STOP_GRACE);
                  terminal.err().println("portcullis serve: stopped");
                  stopped.countDown();
                },
                "portcullis-serve-shutdown"));
    PrintStream out = terminal.out();
    out.print(Banner.summary(settings, gateway.baseUri(), simple));
    if (options.demo()) {
      out.print(DemoGuide.text(settings, gateway.baseUri(), simple, DEMO_TOKENS));
    }
    out.println();
    out.println(
        "Ready: serving "
            + (System.nanoTime() - started) / 1_000_000
            + " ms after the command started. Ctrl-C stops it.");
    out.flush();
    stopped.await();
    return Main.DONE;
  }

  /**
   * The authorizer as Lambda runs it: the deployable handler's one line, the request id taken from
   * the context.
   */
  static RequestStreamHandler authorizer(PortcullisComponent component) {
    AuthorizerAdapter adapter = component.authorizer();
    return (event, response, context) -> adapter.handle(event, response, context.getAwsRequestId());
  }

  /**
   * The decision inspector's explanations: the event the gateway sent, read exactly as the
   * authorizer reads it and explained as {@code explain} explains it.
   */
  static CallExplainer explainer(PortcullisComponent component) {
    return component.eventExplainer()::explain;
  }

  /** Whether the authorizer answers HTTP payload 2.0 with simple responses. */
  static boolean simpleResponses(PortcullisComponent component) {
    return component.configuration().adapter().httpResponseMode() == HttpResponseMode.SIMPLE;
  }

  /** The valued options given, by their names without {@code --}. */
  private Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    put(values, "port", port);
    put(values, "host", host);
    put(values, "kind", kind);
    put(values, "identity-source", identitySource);
    put(values, "cache-ttl", cacheTtl);
    put(values, "upstream", upstream);
    put(values, "api-id", apiId);
    put(values, "stage", stage);
    put(values, "account", account);
    put(values, "region", region);
    return values;
  }

  private Set<String> flags() {
    Set<String> flags = new HashSet<>();
    if (demo) {
      flags.add("demo");
    }
    if (naive) {
      flags.add("naive");
    }
    if (decisionLog) {
      flags.add("decision-log");
    }
    return flags;
  }

  private static void put(Map<String, String> values, String name, String value) {
    if (value != null) {
      values.put(name, value);
    }
  }
}
