package dev.portcullis.bootstrap.cli;

import dev.portcullis.adapters.lambda.HttpResponseMode;
import dev.portcullis.bootstrap.Portcullis;
import dev.portcullis.bootstrap.serve.ApiKind;
import dev.portcullis.bootstrap.serve.Banner;
import dev.portcullis.bootstrap.serve.DemoWorld;
import dev.portcullis.bootstrap.serve.GatewaySettings;
import dev.portcullis.bootstrap.serve.LocalGateway;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: a local API Gateway in front of the authorizer, until Ctrl-C. */
final class ServeCommand implements Command {

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "Run a local API Gateway in front of the authorizer (try --demo)";
  }

  @Override
  public String help() {
    return """
        Usage: java -jar portcullis.jar serve [--demo [--naive]] [--port N] [--host ADDRESS]
                 [--kind rest-token|rest-request|http-1.0|http-2.0|websocket]
                 [--identity-source LIST] [--cache-ttl SECONDS] [--upstream URL]
                 [--api-id ID] [--stage STAGE] [--account ACCOUNT] [--region REGION]
                 [--decision-log]

        A local API Gateway, with no Docker and no AWS account. For every request it builds the
        authorizer event API Gateway would send for --kind, runs it through exactly the wiring
        Lambda uses (configured by the PORTCULLIS_* variables), caches the answer as API Gateway
        does, evaluates the policy against the request's ARN, and answers 401, 403 or 500 as API
        Gateway would. Allowed requests go to --upstream with the authorizer's answer in
        X-Portcullis-* headers, or to a built-in echo. See docs/local-gateway.md.

          --demo             The in-memory backend with the shipped demo rules and sessions (an
                             admin, a reader, an expired session), whatever PORTCULLIS_BACKENDS,
                             PORTCULLIS_RULES and PORTCULLIS_SESSIONS_FILE say; prints curl lines.
          --naive            With --demo: narrow each policy to the one ARN called, to show the
                             cached-policy trap that Portcullis avoids.
          --port N           Port to listen on (default 8080; 0 picks a free one).
          --host ADDRESS     Address to bind (default 127.0.0.1, this machine only).
          --kind KIND        The API and authorizer played (default rest-token).
          --identity-source  API Gateway's syntax, comma-separated: method.request.header.NAME
                             and method.request.querystring.NAME (REST), $request.header.NAME,
                             $request.querystring.NAME and $context.routeKey (HTTP API),
                             route.request.header.NAME and route.request.querystring.NAME
                             (WebSocket). Default: the Authorization header.
          --cache-ttl S      Authorizer result TTL, 0 (off) to 3600 (default 300; 0 for websocket).
          --upstream URL     Forward allowed requests to this http(s) URL.
          --api-id, --stage, --account, --region
                             The API the ARNs name (default abcdef1234, prod, 123456789012,
                             us-east-1).
          --decision-log     Also print the authorizer's JSON decision lines to standard error.

        Ctrl-C stops it. The access log goes to standard error, one line per request, never a token.
        """;
  }

  @Override
  public int run(List<String> args, Terminal terminal) throws Exception {
    long started = System.nanoTime();
    Options options = Options.parse(args, GatewaySettings.VALUED_OPTIONS, GatewaySettings.FLAGS);
    if (!options.positional().isEmpty()) {
      throw new UsageException("unexpected argument '" + options.positional().get(0) + "'");
    }
    Map<String, String> values = new HashMap<>();
    for (String name : GatewaySettings.VALUED_OPTIONS) {
      options.value(name).ifPresent(v -> values.put(name, v));
    }
    Set<String> flags = new HashSet<>();
    for (String flag : GatewaySettings.FLAGS) {
      if (options.flag(flag)) {
        flags.add(flag);
      }
    }
    GatewaySettings settings;
    try {
      settings = GatewaySettings.fromOptions(values, flags);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Map<String, String> env =
        settings.demo() ? DemoWorld.environment(terminal.env()) : terminal.env();
    PrintStream decisions =
        settings.decisionLog() ? terminal.err() : new PrintStream(OutputStream.nullOutputStream());
    PortcullisComponent component = Portcullis.fromEnvironment(env, decisions);
    boolean simple =
        component.configuration().adapter().httpResponseMode() == HttpResponseMode.SIMPLE;
    if (settings.naive() && simple && settings.kind() == ApiKind.HTTP_V2) {
      throw new UsageException(
          "--naive narrows IAM policies, and simple responses (PORTCULLIS_HTTP_RESPONSE=simple)"
              + " have none");
    }
    LocalGateway gateway;
    try {
      gateway =
          LocalGateway.builder(settings, component.authorizer()::handle)
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
                  gateway.stop(1);
                  terminal.err().println("portcullis serve: stopped");
                  stopped.countDown();
                },
                "portcullis-serve-shutdown"));
    PrintStream out = terminal.out();
    out.print(Banner.summary(settings, gateway.baseUri(), simple));
    if (settings.demo()) {
      out.print(Banner.demoGuide(settings, gateway.baseUri(), simple));
    }
    out.println();
    out.println(
        "Ready: serving "
            + (System.nanoTime() - started) / 1_000_000
            + " ms after the command started. Ctrl-C stops it.");
    out.flush();
    stopped.await();
    return 0;
  }
}
