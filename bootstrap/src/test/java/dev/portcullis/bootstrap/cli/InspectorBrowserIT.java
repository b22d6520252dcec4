package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decision inspector in a real browser: {@code serve --demo} from the built jar, requests that
 * get 200, 401 and 403, then Debian's Chromium, headless, driven by Playwright through the page
 * (src/test/browser/inspector.mjs, installed by the build with {@code npm ci}). The build makes
 * sure Chromium is there first (ensure-chromium.sh), so this test never skips.
 */
class InspectorBrowserIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Debian's Chromium, where ensure-chromium.sh puts it. */
  private static final String CHROMIUM = "/usr/bin/chromium";

  /** The browser script takes seconds; a deadline with more than a 3x margin. */
  private static final Duration DEADLINE = Duration.ofSeconds(120);

  private static final String HOSTILE_PATH = "/%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Process serve;
  private URI base;

  @BeforeEach
  void startServe() throws IOException {
    serve =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                "bootstrap/target/portcullis.jar",
                "serve",
                "--demo",
                "--port",
                "0")
            .directory(ROOT.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.startsWith("Ready: serving")) {
      if (line.startsWith("Portcullis local API Gateway on ")) {
        base = URI.create(line.substring("Portcullis local API Gateway on ".length()).trim());
      }
    }
    assertThat(line).as("serve's banner ends with its Ready line").isNotNull();
    assertThat(base).as("serve's banner names its address").isNotNull();
  }

  @AfterEach
  void stopServe() throws InterruptedException {
    serve.destroy();
    if (!serve.waitFor(5, TimeUnit.SECONDS)) {
      serve.destroyForcibly();
    }
  }

  private int get(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void theInspectorShowsA200A401AndA403AndExplainsTheRouteThatWasNotGranted() throws Exception {
    // Arrange: a 200 and a 401 before the page opens; the browser script sends the 403 itself.
    assertThat(get("/orders", DemoWorld.READER_TOKEN)).isEqualTo(200);
    assertThat(get("/orders", DemoWorld.EXPIRED_TOKEN)).isEqualTo(401);
    assertThat(get(HOSTILE_PATH, DemoWorld.READER_TOKEN)).isEqualTo(403);
    Path target = Path.of("target").toAbsolutePath();
    Path screenshot = target.resolve("inspector.png");
    Files.deleteIfExists(screenshot);
    Path config = Files.createTempFile(target, "inspector-browser-", ".json");
    JsonMapper.builder()
        .build()
        .writeValue(
            config.toFile(),
            Map.of(
                "base", base.toString(),
                "chromium", CHROMIUM,
                "screenshot", screenshot.toString(),
                "before",
                    List.of(
                        Map.of("path", "/orders", "status", 200),
                        Map.of("path", "/orders", "status", 401)),
                "live",
                    Map.of(
                        "path",
                        "/admin/users",
                        "headers",
                        Map.of("Authorization", "Bearer " + DemoWorld.READER_TOKEN),
                        "status",
                        403,
                        "route",
                        "GET /admin/users"),
                "allowed", Map.of("path", "/orders", "resource", "/prod/GET/orders"),
                "hostile",
                    Map.of(
                        "path",
                        HOSTILE_PATH,
                        "status",
                        403,
                        "decoded",
                        "/<script>window.__pwned=1</script>"),
                "secrets",
                    List.of(
                        DemoWorld.ADMIN_TOKEN, DemoWorld.READER_TOKEN, DemoWorld.EXPIRED_TOKEN)));

    // Act
    Path browser = Path.of(System.getProperty("portcullis.browser.dir"));
    Path log = Files.createTempFile(target, "inspector-browser-", ".log");
    Process node =
        new ProcessBuilder("node", "inspector.mjs", config.toString())
            .directory(browser.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = node.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      node.destroyForcibly();
    }
    String output = Files.readString(log);

    // Assert
    assertThat(finished)
        .as("the browser test finished within " + DEADLINE + ":\n" + output)
        .isTrue();
    assertThat(node.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("ok: /orders is listed with 200")
        .contains("ok: /orders is listed with 401")
        .contains("ok: the explanation names the route GET /admin/users")
        .contains("ok: nothing the caller sent ran")
        .contains("ok: no 12-character slice of any credential is on the page")
        .endsWith("inspector-browser-test: passed\n");
    assertThat(screenshot).isNotEmptyFile();
  }
}
