package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.bootstrap.LoopbackJwks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code check}: the configuration, problems (exit 2) and warnings (exit 0), probes, JSON. */
class CheckCommandTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");

  private final InProcessCli cli = new InProcessCli();
  private final Map<String, String> env = cli.env;

  @BeforeEach
  void configure() {
    cli.useExampleWorld();
  }

  @Test
  void aValidConfigurationIsPrintedWithoutAnyTokenAndExits0() {
    int code = cli.run("", "check");

    assertThat(code).isZero();
    assertThat(cli.stdout())
        .startsWith("Portcullis configuration is valid.\n")
        .contains("backends:         memory")
        .contains("  admin: * /*, $connect")
        .doesNotContain("pcs_demo");
    assertThat(cli.stderr()).isEmpty();
  }

  @Test
  void rolesArePrintedSortedSoThatTwoRunsPrintTheSame() {
    env.put(
        "PORTCULLIS_RULES",
        "{\"roles\": {\"zeta\": [\"GET /z\"], \"alpha\": [\"GET /a\"], \"mid\": [\"GET /m\"]}}");

    cli.run("", "check");
    String first = cli.stdout();
    cli.run("", "check");

    assertThat(cli.stdout()).isEqualTo(first);
    assertThat(first.indexOf("  alpha:"))
        .isLessThan(first.indexOf("  mid:"))
        .isLessThan(first.indexOf("  zeta:"));
  }

  @Test
  void problemsGoToStandardErrorAndExit2() {
    env.put("PORTCULLIS_HTTP_RESPONSE", "xml");
    env.put("PORTCULLIS_CACHE_SECONDS", "-1");

    int code = cli.run("", "check");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr())
        .startsWith("Portcullis configuration is invalid (2 problems); see docs/configuration.md:")
        .contains("  - PORTCULLIS_HTTP_RESPONSE has an invalid value")
        .contains("  - PORTCULLIS_CACHE_SECONDS has an invalid value");
  }

  @Test
  void warningsAreListedAndExit0() {
    env.put("PORTCULLIS_TABLE", "portcullis-sessions");
    env.put("PORTCULLIS_JWT_AUDIENCE", "api");
    env.put("PORTCULLIS_RULES", "{\"roles\": {\"chat\": [\"$connect\", \"sendmessage\"]}}");

    int code = cli.run("", "check");

    assertThat(code).isZero();
    assertThat(cli.stdout())
        .contains("4 warnings:")
        .contains("  - PORTCULLIS_TABLE is set, but PORTCULLIS_BACKENDS does not name dynamodb")
        .contains("  - PORTCULLIS_JWT_AUDIENCE is set, but PORTCULLIS_BACKENDS does not name jwt")
        .contains("  - PORTCULLIS_RULES: ")
        .contains("sendmessage");
  }

  @Test
  void anExpiredSeedSessionIsListedAsAWarningAndExits0() {
    int code = cli.run("", "check", "--offline");

    assertThat(code).isZero();
    assertThat(cli.stdout())
        .contains(
            "  - PORTCULLIS_SESSIONS_FILE: sessions[2] (principal carol) expired at"
                + " 2020-01-01T00:00:00Z: its token is refused with 401; renew or remove the entry")
        .doesNotContain("pcs_demo");
  }

  @Test
  void aBrokenSeedFileIsAProblem() {
    env.put("PORTCULLIS_SESSIONS_FILE", EXAMPLES.resolve("rules.json").toString());

    int code = cli.run("", "check");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr()).contains("PORTCULLIS_SESSIONS_FILE (");
  }

  @Test
  void theJwksIsProbedUnlessOffline() {
    try (LoopbackJwks jwks = LoopbackJwks.start()) {
      env.put("PORTCULLIS_BACKENDS", "jwt,memory");
      env.put("PORTCULLIS_JWT_ISSUER", LoopbackJwks.ISSUER);
      env.put("PORTCULLIS_JWT_JWKS_URL", jwks.url().toString());
      env.put("PORTCULLIS_JWT_AUDIENCE", "portcullis");

      assertThat(cli.run("", "check")).isZero();
      assertThat(cli.stdout())
          .contains(
              "jwt:              issuers "
                  + LoopbackJwks.ISSUER
                  + " (keys "
                  + jwks.url()
                  + "); audiences portcullis; algorithms RS256");

      env.put("PORTCULLIS_JWT_ALGORITHMS", "ES256");
      assertThat(cli.run("", "check")).isEqualTo(2);
      assertThat(cli.stderr()).contains("holds no key for ES256");

      assertThat(cli.run("", "check", "--offline")).isZero();
      assertThat(cli.stdout())
          .startsWith("Portcullis configuration is valid (backends not probed: --offline).");
    }
  }

  @Test
  void anUnreachableJwksIsAProblem() {
    env.put("PORTCULLIS_BACKENDS", "jwt");
    env.remove("PORTCULLIS_SESSIONS_FILE");
    env.put("PORTCULLIS_JWT_ISSUER", LoopbackJwks.ISSUER);
    env.put("PORTCULLIS_JWT_JWKS_URL", "http://127.0.0.1:9/jwks.json");
    env.put("PORTCULLIS_JWT_AUDIENCE", "portcullis");

    int code = cli.run("", "check");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr()).contains("cannot be fetched");
  }

  @Test
  void jsonPrintsOneDocumentWithBothListsAndTheConfiguration() throws Exception {
    env.put("PORTCULLIS_TABLE", "portcullis-sessions");

    int code = cli.run("", "check", "--json");

    assertThat(code).isZero();
    JsonNode report = new ObjectMapper().readTree(cli.stdout());
    assertThat(report.get("valid").asBoolean()).isTrue();
    assertThat(report.get("problems")).isEmpty();
    assertThat(report.get("warnings")).hasSize(2);
    assertThat(report.at("/configuration/backends/0").asText()).isEqualTo("memory");
    List<String> roles = List.copyOf(iterable(report.at("/configuration/roles").fieldNames()));
    assertThat(roles).containsExactly("*", "admin", "reader");
  }

  @Test
  void jsonReportsProblemsToo() throws Exception {
    env.put("PORTCULLIS_BACKENDS", "ldap");

    int code = cli.run("", "check", "--json");

    assertThat(code).isEqualTo(2);
    JsonNode report = new ObjectMapper().readTree(cli.stdout());
    assertThat(report.get("valid").asBoolean()).isFalse();
    assertThat(report.get("problems").get(0).asText()).contains("unknown backend 'ldap'");
    assertThat(report.has("configuration")).isFalse();
  }

  private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
    List<T> list = new java.util.ArrayList<>();
    iterator.forEachRemaining(list::add);
    return list;
  }
}
