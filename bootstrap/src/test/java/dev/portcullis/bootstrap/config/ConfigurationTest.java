package dev.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.adapters.dynamodb.DynamoDbSettings;
import dev.portcullis.adapters.lambda.HttpResponseMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

  private static final String RULES = "{\"roles\": {\"admin\": [\"* /*\"]}}";

  @Test
  void the_defaults_are_a_memory_backend_authorization_header_and_iam_responses() {
    Configuration c = Configuration.fromEnvironment(Map.of("PORTCULLIS_RULES", RULES));

    assertThat(c.backends()).containsExactly(Backend.MEMORY);
    assertThat(c.rules().roles()).containsExactly("admin");
    assertThat(c.rulesSource()).isEqualTo("inline JSON");
    assertThat(c.adapter().tokenSources()).hasSize(1);
    assertThat(c.adapter().httpResponseMode()).isEqualTo(HttpResponseMode.IAM);
    assertThat(c.cache().ttl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.cache().notFoundTtl()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.dynamoDb()).isEmpty();
  }

  @Test
  void rules_are_read_from_a_file(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("rules.json"), RULES);

    Configuration c = Configuration.fromEnvironment(Map.of("PORTCULLIS_RULES", "file:" + file));

    assertThat(c.rules().roles()).containsExactly("admin");
    assertThat(c.rulesSource()).isEqualTo("file:" + file);
  }

  @Test
  void every_problem_is_reported_at_once_with_how_to_fix_it() {
    Map<String, String> env = new HashMap<>();
    env.put("PORTCULLIS_BACKENDS", "memory,dynamo,memory");
    env.put("PORTCULLIS_HTTP_RESPONSE", "json");
    env.put("PORTCULLIS_CACHE_SECONDS", "forever");
    env.put("PORTCULLIS_TABEL", "sessions");
    env.put("PORTCULLIS_TOKEN_SOURCES", "header:Authorization,body:token");

    assertThatThrownBy(() -> Configuration.fromEnvironment(env))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> {
              assertThat(e.problems())
                  .anySatisfy(p -> assertThat(p).contains("PORTCULLIS_RULES is not set"))
                  .anySatisfy(p -> assertThat(p).contains("unknown backend 'dynamo'"))
                  .anySatisfy(p -> assertThat(p).contains("names 'memory' twice"))
                  .anySatisfy(p -> assertThat(p).contains("PORTCULLIS_HTTP_RESPONSE"))
                  .anySatisfy(p -> assertThat(p).contains("PORTCULLIS_CACHE_SECONDS"))
                  .anySatisfy(p -> assertThat(p).contains("did you mean PORTCULLIS_TABLE?"))
                  .anySatisfy(p -> assertThat(p).contains("PORTCULLIS_TOKEN_SOURCES"));
              assertThat(e.problems()).hasSize(7);
              assertThat(e.getMessage())
                  .startsWith("Portcullis configuration is invalid (7 problems)");
            });
  }

  @Test
  void the_dynamodb_backend_needs_a_table_and_a_region() {
    Map<String, String> env = Map.of("PORTCULLIS_RULES", RULES, "PORTCULLIS_BACKENDS", "dynamodb");

    assertThatThrownBy(() -> Configuration.fromEnvironment(env))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(2)
                    .anySatisfy(p -> assertThat(p).startsWith("PORTCULLIS_TABLE is not set"))
                    .anySatisfy(p -> assertThat(p).startsWith("AWS_REGION is not set")));
  }

  @Test
  void the_dynamodb_settings_have_safe_defaults_and_honour_the_endpoint_variable() {
    Configuration c =
        Configuration.fromEnvironment(
            Map.of(
                "PORTCULLIS_RULES", RULES,
                "PORTCULLIS_BACKENDS", "dynamodb,memory",
                "PORTCULLIS_TABLE", "sessions",
                "AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:4567"));

    DynamoDbSettings d = c.dynamoDb().orElseThrow();
    assertThat(c.backends()).containsExactly(Backend.DYNAMODB, Backend.MEMORY);
    assertThat(d.tableName()).isEqualTo("sessions");
    assertThat(d.region()).isEqualTo("eu-west-1");
    assertThat(d.endpointOverride()).hasValueSatisfying(u -> assertThat(u).hasPort(4567));
    assertThat(d.apiCallTimeout()).isLessThanOrEqualTo(Duration.ofMillis(1200));
    assertThat(d.apiCallAttemptTimeout()).isLessThan(d.apiCallTimeout());
  }

  @Test
  void invalid_rules_name_the_role_and_the_grant() {
    Map<String, String> env =
        Map.of("PORTCULLIS_RULES", "{\"roles\": {\"reader\": [\"get /orders\", \"GET orders\"]}}");

    assertThatThrownBy(() -> Configuration.fromEnvironment(env))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(2)
                    .allSatisfy(
                        p ->
                            assertThat(p)
                                .startsWith(
                                    "PORTCULLIS_RULES (inline JSON): role 'reader': grant '")));
  }

  @Test
  void rules_that_are_not_json_say_where_the_json_breaks() {
    Map<String, String> env = Map.of("PORTCULLIS_RULES", "{\"roles\": {\"admin\": [\"* /*\"]");

    assertThatThrownBy(() -> Configuration.fromEnvironment(env))
        .hasMessageContaining("PORTCULLIS_RULES (inline JSON): not valid JSON at line 1");
  }

  @Test
  void a_role_given_twice_is_refused_with_the_place() {
    Map<String, String> env =
        Map.of("PORTCULLIS_RULES", "{\"roles\": {\"admin\": [\"* /*\"], \"admin\": []}}");

    assertThatThrownBy(() -> Configuration.fromEnvironment(env))
        .hasMessageContaining(
            "PORTCULLIS_RULES (inline JSON): not valid JSON at line 1, column 38"
                + " (a syntax error, or a name given twice in one object)");
  }

  @Test
  void rules_nested_too_deep_are_refused() {
    Map<String, String> env =
        Map.of("PORTCULLIS_RULES", "{\"x\": " + "[".repeat(40) + "]".repeat(40) + "}");

    assertThatThrownBy(() -> Configuration.fromEnvironment(env))
        .hasMessageContaining("PORTCULLIS_RULES (inline JSON): nests deeper than 32 levels");
  }

  @Test
  void a_missing_rules_file_is_named() {
    Map<String, String> env = Map.of("PORTCULLIS_RULES", "file:/no/such/rules.json");

    assertThatThrownBy(() -> Configuration.fromEnvironment(env))
        .hasMessageContaining("cannot read file /no/such/rules.json");
  }

  @Test
  void a_sessions_file_without_the_memory_backend_is_a_warning_that_names_the_fix(@TempDir Path dir)
      throws Exception {
    Path seed = Files.writeString(dir.resolve("seed.json"), "{\"sessions\": []}");
    Map<String, String> env =
        Map.of(
            "PORTCULLIS_RULES", RULES,
            "PORTCULLIS_BACKENDS", "dynamodb",
            "PORTCULLIS_TABLE", "sessions",
            "AWS_REGION", "us-east-1",
            "PORTCULLIS_SESSIONS_FILE", seed.toString());

    Configuration c = Configuration.fromEnvironment(env);

    assertThat(c.sessionsFile()).isEmpty();
    assertThat(c.unusedSettings())
        .containsExactly(new UnusedSetting("PORTCULLIS_SESSIONS_FILE", Backend.MEMORY));
    assertThat(c.warnings())
        .containsExactly(
            "PORTCULLIS_SESSIONS_FILE is set, but PORTCULLIS_BACKENDS does not name memory, so it"
                + " is ignored: add memory to PORTCULLIS_BACKENDS (e.g. PORTCULLIS_BACKENDS=memory),"
                + " or unset PORTCULLIS_SESSIONS_FILE");
  }

  @Test
  void a_table_without_the_dynamodb_backend_is_a_warning_not_a_failure() {
    Configuration c =
        Configuration.fromEnvironment(
            Map.of(
                "PORTCULLIS_RULES", RULES,
                "PORTCULLIS_BACKENDS", "jwt",
                "PORTCULLIS_JWT_ISSUER", "https://issuer.example.com/",
                "PORTCULLIS_JWT_AUDIENCE", "portcullis",
                "PORTCULLIS_TABLE", "portcullis-sessions"));

    assertThat(c.dynamoDb()).isEmpty();
    assertThat(c.unusedSettings())
        .containsExactly(new UnusedSetting("PORTCULLIS_TABLE", Backend.DYNAMODB));
    assertThat(c.warnings()).singleElement().asString().contains("add dynamodb");
  }

  @Test
  void a_bare_path_to_a_rules_file_asks_whether_file_was_meant() {
    Map<String, String> env = Map.of("PORTCULLIS_RULES", "../docs/examples/rules.json");

    assertThatThrownBy(() -> Configuration.fromEnvironment(env))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "PORTCULLIS_RULES is not JSON but names a file: did you mean"
                            + " file:../docs/examples/rules.json?"));
  }

  @Test
  void text_that_is_neither_json_nor_a_file_is_a_json_error() {
    Map<String, String> env = Map.of("PORTCULLIS_RULES", "no-such-rules.json");

    assertThatThrownBy(() -> Configuration.fromEnvironment(env))
        .hasMessageContaining("not valid JSON at line 1, column 1");
  }

  @Test
  void what_the_rules_hold_but_deserves_a_look_is_a_warning() {
    String rules = "{\"roles\": {\"chat\": [\"$connect\", \"sendmessage\"]}}";

    Configuration c = Configuration.fromEnvironment(Map.of("PORTCULLIS_RULES", rules));

    assertThat(c.warnings())
        .singleElement()
        .asString()
        .startsWith("PORTCULLIS_RULES: ")
        .contains("sendmessage");
  }

  @Test
  void the_not_found_window_may_not_exceed_the_cache_ttl() {
    Map<String, String> env =
        Map.of(
            "PORTCULLIS_RULES", RULES,
            "PORTCULLIS_CACHE_SECONDS", "2",
            "PORTCULLIS_CACHE_NOT_FOUND_SECONDS", "10");

    assertThatThrownBy(() -> Configuration.fromEnvironment(env))
        .hasMessageContaining("PORTCULLIS_CACHE_NOT_FOUND_SECONDS (10) is larger");
  }

  @Test
  void a_zero_cache_ttl_turns_the_cache_off() {
    Configuration c =
        Configuration.fromEnvironment(
            Map.of("PORTCULLIS_RULES", RULES, "PORTCULLIS_CACHE_SECONDS", "0"));

    assertThat(c.cache().enabled()).isFalse();
    assertThat(c.cache().notFoundTtl()).isZero();
  }

  @Test
  void the_jwt_backend_reports_its_problems_with_the_others() {
    Map<String, String> env =
        Map.of(
            "PORTCULLIS_RULES", RULES,
            "PORTCULLIS_BACKENDS", "jwt,memory",
            "PORTCULLIS_JWT_ALGORITHMS", "HS256",
            "PORTCULLIS_CACHE_SECONDS", "-1");

    assertThatThrownBy(() -> Configuration.fromEnvironment(env))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(p -> assertThat(p).contains("PORTCULLIS_JWT_ISSUER"))
                    .anySatisfy(p -> assertThat(p).contains("PORTCULLIS_JWT_AUDIENCE"))
                    .anySatisfy(p -> assertThat(p).contains("HS256"))
                    .anySatisfy(p -> assertThat(p).contains("PORTCULLIS_CACHE_SECONDS")));
  }

  @Test
  void a_valid_jwt_backend_is_configured_in_the_chain_order() {
    Configuration c =
        Configuration.fromEnvironment(
            Map.of(
                "PORTCULLIS_RULES", RULES,
                "PORTCULLIS_BACKENDS", "jwt,memory",
                "PORTCULLIS_JWT_ISSUER", "https://issuer.example.com/",
                "PORTCULLIS_JWT_AUDIENCE", "portcullis"));

    assertThat(c.backends()).containsExactly(Backend.JWT, Backend.MEMORY);
    assertThat(c.jwt()).isPresent();
  }

  @Test
  void a_jwt_variable_without_the_jwt_backend_is_a_warning() {
    Configuration c =
        Configuration.fromEnvironment(
            Map.of(
                "PORTCULLIS_RULES", RULES, "PORTCULLIS_JWT_ISSUER", "https://issuer.example.com/"));

    assertThat(c.jwt()).isEmpty();
    assertThat(c.warnings())
        .singleElement()
        .asString()
        .startsWith("PORTCULLIS_JWT_ISSUER is set, but PORTCULLIS_BACKENDS does not name jwt");
  }

  @Test
  void every_variable_read_is_listed_as_known() {
    assertThat(Configuration.VARIABLES)
        .containsAll(List.of("PORTCULLIS_BACKENDS", "PORTCULLIS_RULES", "PORTCULLIS_TABLE"))
        .containsAll(Configuration.REQUIRED);
  }
}
