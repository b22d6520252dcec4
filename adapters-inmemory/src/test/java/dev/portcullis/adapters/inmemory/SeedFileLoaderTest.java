package dev.portcullis.adapters.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.service.ContextBuilder;
import dev.portcullis.domain.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests reading the memory backend's seed file, and how a broken one is reported. */
class SeedFileLoaderTest {

  private static final Instant NOW = Instant.parse("2029-06-01T00:00:00Z");
  private static final String TOKEN = "pcs_aliceSeedToken123";
  private static final String NAME = "test-seed.json";

  private final MutableClock clock = MutableClock.at(NOW);
  private final SeedFileLoader loader = new SeedFileLoader(clock);

  @Test
  void a_full_session_is_read_with_every_field() {
    // Arrange
    String json =
        """
        {"sessions": [{"token": "pcs_aliceSeedToken123", "principalId": "alice",
                       "roles": ["admin", "reader"], "expiresAt": "2030-01-01T00:00:00Z",
                       "attributes": {"tenant": "acme", "plan": "gold"}, "apiKey": "key-0123456789"}]}
        """;

    // Act
    List<Session> sessions = read(json);

    // Assert
    assertThat(sessions).hasSize(1);
    Session session = sessions.get(0);
    assertThat(session.fingerprint())
        .isEqualTo(Credential.parse(TOKEN).orElseThrow().fingerprint());
    assertThat(session.issuedAt()).isEqualTo(NOW);
    assertThat(session.revokedAt()).isEmpty();
    assertThat(session.identity())
        .isEqualTo(
            new Identity(
                "alice",
                Set.of("admin", "reader"),
                Map.of("tenant", "acme", "plan", "gold"),
                Instant.parse("2030-01-01T00:00:00Z"),
                "memory",
                Optional.of("key-0123456789")));
  }

  @Test
  void optional_fields_may_be_left_out_or_null() {
    // Arrange
    String json =
        """
        {"sessions": [
          {"token": "t1", "principalId": "a", "roles": [], "expiresAt": "2030-01-01T00:00:00Z"},
          {"token": "t2", "principalId": "b", "roles": [], "expiresAt": "2030-01-01T00:00:00Z",
           "attributes": null, "apiKey": null, "issuedAt": null}
        ]}
        """;

    // Act
    List<Session> sessions = read(json);

    // Assert
    assertThat(sessions)
        .hasSize(2)
        .allSatisfy(
            s -> {
              assertThat(s.identity().roles()).isEmpty();
              assertThat(s.identity().attributes()).isEmpty();
              assertThat(s.identity().apiKey()).isEmpty();
              assertThat(s.issuedAt()).isEqualTo(NOW);
            });
  }

  @Test
  void an_issued_at_in_the_file_is_kept() {
    String json =
        session("\"issuedAt\": \"2020-01-01T00:00:00Z\", \"expiresAt\": \"2021-01-01T00:00:00Z\"");

    Session session = read(json).get(0);

    assertThat(session.issuedAt()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(session.resolveAt(NOW)).isInstanceOf(Resolution.Expired.class);
  }

  @Test
  void an_empty_list_gives_no_sessions() {
    assertThat(read("{\"sessions\": []}")).isEmpty();
  }

  @Test
  void a_seeded_token_resolves_through_the_memory_backend(@TempDir Path dir) throws IOException {
    // Arrange
    Path file = dir.resolve("seed.json");
    Files.writeString(file, session("\"expiresAt\": \"2030-01-01T00:00:00Z\""));

    // Act
    InMemorySessionStore store = InMemoryBackend.load(file, clock);
    Resolution resolution =
        InMemoryBackend.resolver(store, clock).resolve(Credential.parse(TOKEN).orElseThrow());

    // Assert
    assertThat(resolution).isInstanceOf(Resolution.Resolved.class);
    Identity identity = ((Resolution.Resolved) resolution).identity();
    assertThat(identity.principalId()).isEqualTo("alice");
    assertThat(identity.backend()).isEqualTo(InMemoryBackend.NAME);
    assertThat(InMemoryBackend.resolver(store, clock).name()).isEqualTo("memory");
  }

  @Test
  void loading_a_file_fills_a_new_store_with_fingerprints_only(@TempDir Path dir)
      throws IOException {
    // Arrange
    Path file = dir.resolve("seed.json");
    Files.writeString(file, session("\"expiresAt\": \"2030-01-01T00:00:00Z\""));

    // Act
    InMemorySessionStore store = loader.load(file);

    // Assert
    List<Session> stored = store.listByPrincipal("alice");
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).toString()).doesNotContain(TOKEN);
    assertThat(store.find(Credential.parse(TOKEN).orElseThrow().fingerprint())).isPresent();
  }

  @Test
  void reading_a_stream_leaves_it_open_for_the_caller_to_close() {
    // Arrange
    boolean[] closed = {false};
    InputStream in =
        new FilterInputStream(stream("{\"sessions\": []}")) {
          @Override
          public void close() throws IOException {
            closed[0] = true;
            super.close();
          }
        };

    // Act
    loader.readSeed(in, NAME);

    // Assert
    assertThat(closed[0]).isFalse();
  }

  @Test
  void a_missing_file_is_reported_with_its_path(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere.json");

    SeedFileException e =
        catchThrowableOfType(SeedFileException.class, () -> loader.readSeed(missing));

    assertThat(e.source()).isEqualTo(missing.toString());
    assertThat(e.getMessage()).contains(missing.toString()).contains("cannot be read");
  }

  @Test
  void a_file_that_is_not_json_is_reported_with_the_place() {
    assertThat(problems("{\"sessions\": [\n  {\"token\" \"x\"} ]}"))
        .containsExactly(
            "not valid JSON at line 2, column 12"
                + " (a syntax error, or a name given twice in one object)");
  }

  @Test
  void a_token_written_without_quotes_never_appears_in_the_json_error() {
    // Arrange: Jackson's own message would quote the unrecognised word.
    String json = "{\"sessions\": [{\"token\": pcs_unquotedSecret99}]}";

    // Act
    SeedFileException e = failure(json);

    // Assert
    assertThat(e.getMessage()).doesNotContain("pcs_unquotedSecret99").contains("not valid JSON");
  }

  @Test
  void an_empty_file_is_reported() {
    assertThat(problems("")).containsExactly("the file is empty: expected {\"sessions\": [...]}");
  }

  @Test
  void a_top_level_list_is_reported() {
    assertThat(problems("[]")).containsExactly("expected a JSON object {\"sessions\": [...]}");
  }

  @Test
  void a_missing_sessions_list_is_reported() {
    assertThat(problems("{}")).containsExactly("sessions: missing, expected a list of sessions");
  }

  @Test
  void a_sessions_value_that_is_not_a_list_is_reported() {
    assertThat(problems("{\"sessions\": {\"token\": \"x\"}}"))
        .containsExactly("sessions: not a list");
  }

  @Test
  void an_unknown_top_level_field_is_reported() {
    assertThat(problems("{\"sessions\": [], \"session\": []}"))
        .containsExactly("session: unknown field, expected \"sessions\"");
  }

  @Test
  void content_after_the_top_level_object_is_reported() {
    assertThat(problems("{\"sessions\": []} {}"))
        .containsExactly("unexpected content after the top-level object");
  }

  @Test
  void a_session_that_is_not_an_object_is_reported() {
    assertThat(problems("{\"sessions\": [\"pcs_x\"]}"))
        .containsExactly("sessions[0]: not an object");
  }

  @Test
  void a_misspelt_field_is_reported_rather_than_dropped() {
    // Arrange: "role" instead of "roles".
    String json =
        """
        {"sessions": [{"token": "t", "principalId": "a", "role": ["admin"],
                       "expiresAt": "2030-01-01T00:00:00Z"}]}
        """;

    // Act and assert
    assertThat(problems(json))
        .containsExactlyInAnyOrder(
            "sessions[0].role: unknown field, expected one of token, principalId, roles,"
                + " expiresAt, attributes, apiKey, issuedAt",
            "sessions[0].roles: missing, use [] for none");
  }

  @Test
  void a_field_given_twice_is_reported_with_the_place() {
    assertThat(problems(session("\"expiresAt\": \"2030-01-01T00:00:00Z\", \"principalId\": \"b\"")))
        .containsExactly(
            "not valid JSON at line 1, column 144"
                + " (a syntax error, or a name given twice in one object)");
  }

  @Test
  void an_attribute_given_twice_is_reported_with_the_place() {
    assertThat(problems(withAttributes("{\"tenant\": \"acme\", \"tenant\": \"evil\"}")))
        .singleElement()
        .asString()
        .startsWith("not valid JSON at line 1, column ");
  }

  @Test
  void a_seed_file_in_utf16_is_refused() {
    byte[] utf16 =
        session("\"expiresAt\": \"2030-01-01T00:00:00Z\"").getBytes(StandardCharsets.UTF_16LE);

    SeedFileException e =
        catchThrowableOfType(
            SeedFileException.class, () -> loader.readSeed(new ByteArrayInputStream(utf16), NAME));

    assertThat(e.problems()).singleElement().asString().startsWith("not valid JSON at line 1");
  }

  @Test
  void ill_formed_utf8_is_reported_even_where_a_lenient_decoder_reads_a_letter() {
    // Arrange: C1 A1 is an overlong encoding of 'a', which Jackson alone would read as one.
    byte[] json =
        session("\"expiresAt\": \"2030-01-01T00:00:00Z\"").getBytes(StandardCharsets.UTF_8);
    int at = new String(json, StandardCharsets.UTF_8).indexOf("alice");
    byte[] overlong = new byte[json.length + 1];
    System.arraycopy(json, 0, overlong, 0, at);
    overlong[at] = (byte) 0xC1;
    overlong[at + 1] = (byte) 0xA1;
    System.arraycopy(json, at + 1, overlong, at + 2, json.length - at - 1);

    // Act
    SeedFileException e =
        catchThrowableOfType(
            SeedFileException.class,
            () -> loader.readSeed(new ByteArrayInputStream(overlong), NAME));

    // Assert
    assertThat(e.problems()).containsExactly("not valid UTF-8");
  }

  @Test
  void a_missing_token_is_reported() {
    assertThat(
            problems(
                "{\"sessions\": [{\"principalId\": \"a\", \"roles\": [],"
                    + " \"expiresAt\": \"2030-01-01T00:00:00Z\"}]}"))
        .containsExactly("sessions[0].token: missing");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"\"\"", "\"   \""})
  void a_blank_token_is_reported(String token) {
    assertThat(problems(withToken(token))).containsExactly("sessions[0].token: blank");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"42", "null", "[\"pcs_a\"]", "{\"value\": \"pcs_a\"}", "true"})
  void a_token_that_is_not_a_string_is_reported(String token) {
    assertThat(problems(withToken(token))).containsExactly("sessions[0].token: not a string");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "\"pcs_with space\"",
        "\"pcs_tab\\there\"",
        "\"pcs_crlf\\r\\nx\"",
        "\"pcs_\\u0430homoglyph\"",
        "\"pcs_zero\\u200Bwidth\""
      })
  void a_token_the_credential_rules_refuse_is_reported(String token) {
    assertThat(problems(withToken(token)))
        .containsExactly(
            "sessions[0].token: not a usable token: 1 to 4096 visible ASCII characters, without"
                + " spaces or control characters");
  }

  @Test
  void a_token_over_4096_characters_is_reported() {
    assertThat(problems(withToken("\"" + "a".repeat(4097) + "\"")))
        .singleElement()
        .asString()
        .startsWith("sessions[0].token: not a usable token");
  }

  @Test
  void a_jwt_shaped_token_is_reported_since_the_memory_backend_never_sees_one() {
    assertThat(problems(withToken("\"eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.c2ln\"")))
        .containsExactly(
            "sessions[0].token: shaped like a JWT, which never reaches the memory backend");
  }

  @Test
  void a_duplicate_token_is_reported_with_the_session_that_has_it_first() {
    // Arrange
    String json =
        """
        {"sessions": [
          {"token": "pcs_same", "principalId": "a", "roles": [], "expiresAt": "2030-01-01T00:00:00Z"},
          {"token": "pcs_other", "principalId": "b", "roles": [], "expiresAt": "2030-01-01T00:00:00Z"},
          {"token": "pcs_same", "principalId": "c", "roles": [], "expiresAt": "2030-01-01T00:00:00Z"}
        ]}
        """;

    // Act and assert
    assertThat(problems(json))
        .containsExactly("sessions[2].token: the same token as sessions[0].token");
  }

  @Test
  void a_missing_principal_is_reported() {
    assertThat(
            problems(
                "{\"sessions\": [{\"token\": \"t\", \"roles\": [],"
                    + " \"expiresAt\": \"2030-01-01T00:00:00Z\"}]}"))
        .containsExactly("sessions[0].principalId: missing");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"\"\"", "\"ali ce\"", "\"alice\\n\""})
  void a_principal_that_is_not_visible_ascii_is_reported(String principal) {
    String json =
        "{\"sessions\": [{\"token\": \"t\", \"principalId\": "
            + principal
            + ", \"roles\": [], \"expiresAt\": \"2030-01-01T00:00:00Z\"}]}";

    assertThat(problems(json))
        .containsExactly("sessions[0].principalId: must be 1 to 128 visible ASCII characters");
  }

  @Test
  void roles_that_are_not_a_list_are_reported() {
    assertThat(problems(withRoles("\"admin\"")))
        .containsExactly("sessions[0].roles: not a list of strings");
  }

  @Test
  void a_role_that_is_not_a_string_is_reported_with_its_index() {
    assertThat(problems(withRoles("[\"admin\", 7, {\"x\": 1}]")))
        .containsExactly(
            "sessions[0].roles[1]: not a string", "sessions[0].roles[2]: not a string");
  }

  @Test
  void a_role_that_is_not_visible_ascii_is_reported() {
    assertThat(problems(withRoles("[\"ad min\"]")))
        .containsExactly("sessions[0].roles[0]: must be 1 to 128 visible ASCII characters");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"\"tomorrow\"", "\"2030-01-01\"", "\"2030-13-01T00:00:00Z\"", "\"\""})
  void an_expiry_that_is_not_an_iso_instant_is_reported(String expiresAt) {
    assertThat(problems(session("\"expiresAt\": " + expiresAt)))
        .containsExactly(
            "sessions[0].expiresAt: not an ISO-8601 instant such as 2030-01-01T00:00:00Z");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "2030-01-01T00:00:00Z",
        "2030-01-01T00:00:00.5Z",
        "2030-01-01T00:00:00.123456789Z",
        "2030-01-01t00:00:00z",
        "2030-01-01T24:00:00Z",
        "2030-01-01T23:59:60Z",
        "2030-01-01T00:00:00.Z",
        "2030-01-01T00:00:00+01:00",
        "2030-01-01T00:00:00-00:30",
        "+12030-01-01T00:00:00Z",
        "-0001-01-01T00:00:00Z",
      })
  void an_expiry_in_any_form_instant_parse_reads_is_read_to_its_value(String expiresAt) {
    // Act
    Session session = read(session("\"expiresAt\": \"" + expiresAt + "\"")).get(0);

    // Assert
    assertThat(session.expiresAt()).isEqualTo(Instant.parse(expiresAt));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "Z",
        "2030-01-01T00:00Z",
        "2030-01-01T00:00:00",
        "2030-01-01T00:00:00ZZ",
        "2030-01-01 00:00:00Z",
        "2030-1-01T00:00:00Z",
        "2030-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2030-04-31T00:00:00Z",
        "2030-00-01T00:00:00Z",
        "2030-01-00T00:00:00Z",
        "2030-01-01T00:60:00Z",
        "2030-01-01T25:00:00Z",
        "2030-01-01T00:00:00.1234567891Z",
        "2030-01-01T00:00:00,5Z",
        "2030-01-01T00:00:00.-5Z",
        "\uff12\uff10\uff13\uff10-01-01T00:00:00Z",
        "\u0662\u0660\u0663\u0660-01-01T00:00:00Z",
        " 2030-01-01T00:00:00Z",
        "2030-01-01T00:00:00Z ",
        "2030-01-01T00:00:00Z\u0000",
      })
  void an_expiry_that_instant_parse_refuses_is_reported(String expiresAt) {
    assertThat(problems(session("\"expiresAt\": \"" + jsonEscaped(expiresAt) + "\"")))
        .containsExactly(
            "sessions[0].expiresAt: not an ISO-8601 instant such as 2030-01-01T00:00:00Z");
  }

  @Test
  void an_expiry_given_as_a_number_is_reported() {
    assertThat(problems(session("\"expiresAt\": 1893456000")))
        .containsExactly("sessions[0].expiresAt: not a string");
  }

  @Test
  void a_missing_expiry_is_reported() {
    assertThat(
            problems("{\"sessions\": [{\"token\": \"t\", \"principalId\": \"a\", \"roles\": []}]}"))
        .containsExactly("sessions[0].expiresAt: missing");
  }

  @Test
  void a_session_that_expired_before_loading_loads_and_resolves_as_expired(@TempDir Path dir)
      throws IOException {
    // Arrange: alice's entry expired a year before the clock's now; bob's is live.
    Path file = dir.resolve("seed.json");
    Files.writeString(
        file,
        """
        {"sessions": [
          {"token": "pcs_aliceSeedToken123", "principalId": "alice", "roles": ["admin"],
           "expiresAt": "2028-06-01T00:00:00Z"},
          {"token": "pcs_bobSeedToken456", "principalId": "bob", "roles": ["reader"],
           "expiresAt": "2030-01-01T00:00:00Z"}
        ]}
        """);

    // Act
    InMemorySessionStore store = InMemoryBackend.load(file, clock);
    var resolver = InMemoryBackend.resolver(store, clock);

    // Assert
    assertThat(resolver.resolve(Credential.parse(TOKEN).orElseThrow()))
        .isInstanceOf(Resolution.Expired.class);
    assertThat(resolver.resolve(Credential.parse("pcs_bobSeedToken456").orElseThrow()))
        .isInstanceOf(Resolution.Resolved.class);
  }

  @Test
  void a_session_expiring_at_exactly_the_time_of_loading_loads_as_expired() {
    Session session = read(session("\"expiresAt\": \"2029-06-01T00:00:00Z\"")).get(0);

    assertThat(session.resolveAt(NOW)).isInstanceOf(Resolution.Expired.class);
    assertThat(session.issuedAt()).isEqualTo(Instant.parse("2029-05-31T23:59:59Z"));
  }

  @Test
  void an_expired_session_is_a_note_naming_its_place_principal_and_expiry_never_its_token(
      @TempDir Path dir) throws IOException {
    // Arrange
    Path file = dir.resolve("seed.json");
    Files.writeString(
        file,
        """
        {"sessions": [
          {"token": "pcs_liveSeedToken0001", "principalId": "bob", "roles": [],
           "expiresAt": "2030-01-01T00:00:00Z"},
          {"token": "pcs_aliceSeedToken123", "principalId": "alice", "roles": [],
           "issuedAt": "2020-01-01T00:00:00Z", "expiresAt": "2021-01-01T00:00:00Z"}
        ]}
        """);

    // Act
    List<SeedNote> notes = InMemoryBackend.seedNotes(file, clock);

    // Assert
    assertThat(notes)
        .containsExactly(
            new SeedNote.Expired("sessions[1]", "alice", Instant.parse("2021-01-01T00:00:00Z")));
    assertThat(notes.get(0).message())
        .isEqualTo(
            "sessions[1] (principal alice) expired at 2021-01-01T00:00:00Z: its token is refused"
                + " with 401; renew or remove the entry")
        .doesNotContain(TOKEN);
  }

  @Test
  void a_file_whose_sessions_are_all_live_has_no_notes() {
    SeedFile seed =
        loader.readSeed(stream(session("\"expiresAt\": \"2030-01-01T00:00:00Z\"")), NAME);

    assertThat(seed.sessions()).hasSize(1);
    assertThat(seed.notes()).isEmpty();
  }

  @Test
  void a_fixture_with_a_fixed_date_keeps_loading_long_after_that_date() {
    // Arrange: the same file, read on its last valid day and ten years later.
    String json = session("\"expiresAt\": \"2030-01-01T00:00:00Z\"");

    // Act
    List<Session> before = read(json);
    clock.set(Instant.parse("2040-01-01T00:00:00Z"));
    SeedFile after = loader.readSeed(stream(json), NAME);

    // Assert
    assertThat(before).hasSize(1);
    assertThat(after.sessions()).hasSize(1);
    assertThat(after.notes()).singleElement().isInstanceOf(SeedNote.Expired.class);
  }

  @Test
  void an_expiry_not_after_the_given_issue_instant_is_reported() {
    assertThat(
            problems(
                session(
                    "\"expiresAt\": \"2020-01-01T00:00:00Z\","
                        + " \"issuedAt\": \"2020-01-01T00:00:00Z\"")))
        .containsExactly("sessions[0].expiresAt: must be after issuedAt (2020-01-01T00:00:00Z)");
  }

  @Test
  void an_issue_instant_that_is_not_iso_is_reported() {
    assertThat(problems(session("\"expiresAt\": \"2030-01-01T00:00:00Z\", \"issuedAt\": \"now\"")))
        .containsExactly(
            "sessions[0].issuedAt: not an ISO-8601 instant such as 2030-01-01T00:00:00Z");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"[\"tenant\"]", "\"tenant=acme\"", "7"})
  void attributes_that_are_not_an_object_are_reported(String attributes) {
    assertThat(problems(withAttributes(attributes)))
        .containsExactly("sessions[0].attributes: not an object of string values");
  }

  @Test
  void an_attribute_value_that_is_not_a_string_is_reported() {
    assertThat(problems(withAttributes("{\"tier\": 3, \"tags\": [\"a\"], \"ok\": \"yes\"}")))
        .containsExactly(
            "sessions[0].attributes.tier: not a string",
            "sessions[0].attributes.tags: not a string");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"principalId", "roles", "backend", "expiresAt", "claims"})
  void an_attribute_with_a_reserved_key_is_reported(String key) {
    assertThat(problems(withAttributes("{\"" + key + "\": \"forged\"}")))
        .containsExactly(
            "sessions[0].attributes."
                + key
                + ": a reserved context key: backend, claims, expiresAt, principalId, roles");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"a b", "t\u00E9nant", "a/b", ""})
  void an_attribute_key_the_context_refuses_is_reported(String key) {
    assertThat(problems(withAttributes("{\"" + key + "\": \"v\"}")))
        .singleElement()
        .asString()
        .endsWith(": key must be 1 to 64 characters of A-Z a-z 0-9 _ . : -");
  }

  @Test
  void an_over_long_attribute_key_is_reported_and_shown_cut_short() {
    String key = "k".repeat(65);

    assertThat(problems(withAttributes("{\"" + key + "\": \"v\"}")))
        .containsExactly(
            "sessions[0].attributes."
                + "k".repeat(40)
                + "...: key must be 1 to 64 characters of A-Z a-z 0-9 _ . : -");
  }

  @Test
  void an_over_long_attribute_value_is_reported() {
    assertThat(problems(withAttributes("{\"note\": \"" + "v".repeat(1025) + "\"}")))
        .containsExactly("sessions[0].attributes.note: value longer than 1024 characters");
  }

  @Test
  void more_than_32_attributes_are_reported() {
    // Arrange
    StringBuilder attributes = new StringBuilder("{");
    for (int i = 0; i < 33; i++) {
      attributes.append(i == 0 ? "" : ", ").append("\"a").append(i).append("\": \"v\"");
    }
    attributes.append("}");

    // Act and assert
    assertThat(problems(withAttributes(attributes.toString())))
        .containsExactly("sessions[0].attributes: more than 32 attributes");
  }

  @Test
  void attributes_that_would_not_all_reach_the_context_are_reported_in_bytes() {
    // Arrange: five attributes of 2 + 400 characters, 2,010 characters in all, within the 4,096
    // characters once allowed, but more bytes than the context leaves beside alice's own keys.
    StringBuilder attributes = new StringBuilder("{");
    for (int i = 0; i < 5; i++) {
      attributes.append(i == 0 ? "" : ", ").append("\"a").append(i).append("\": \"");
      attributes.append("v".repeat(400)).append("\"");
    }
    attributes.append("}");

    // Act and assert
    assertThat(problems(withAttributes(attributes.toString())))
        .singleElement()
        .asString()
        .startsWith("sessions[0].attributes: take up to 2040 bytes of JSON in the authorizer")
        .contains("leave 1967 of its 2048: shorten or drop some");
  }

  @Test
  void characters_that_take_several_bytes_count_as_their_bytes() {
    // Arrange: 1,000 quotes are 1,000 characters, and 2,000 bytes once escaped.
    String quotes = "\\\"".repeat(1000);

    // Act and assert
    assertThat(problems(withAttributes("{\"note\": \"" + quotes + "\"}")))
        .singleElement()
        .asString()
        .startsWith("sessions[0].attributes: take up to 2010 bytes of JSON");
  }

  @Test
  void every_attribute_of_a_session_that_loads_reaches_its_context() {
    // Arrange: attributes that take every byte the context leaves beside alice's own keys.
    Identity bare =
        new Identity(
            "alice", Set.of("admin"), Map.of(), Instant.parse("2030-01-01T00:00:00Z"), "memory");
    int left =
        ContextBuilder.MAX_CONTEXT_BYTES - ContextBuilder.contextBytes(ContextBuilder.build(bare));
    int filler = ContextBuilder.attributeBytes("a", "") + ContextBuilder.attributeBytes("b", "");
    int lengthOfA = (left - filler) / 2;
    String a = "v".repeat(lengthOfA);
    String b = "w".repeat(left - filler - lengthOfA);
    String fits = withAttributes("{\"a\": \"" + a + "\", \"b\": \"" + b + "\"}");
    String oneByteMore = withAttributes("{\"a\": \"" + a + "\", \"b\": \"" + b + "w\"}");

    // Act
    Session session = read(fits).get(0);

    // Assert
    Map<String, Object> context = ContextBuilder.build(session.identity());
    assertThat(context).containsEntry("a", a).containsEntry("b", b);
    assertThat(ContextBuilder.contextBytes(context)).isEqualTo(ContextBuilder.MAX_CONTEXT_BYTES);
    assertThat(problems(oneByteMore)).singleElement().asString().contains(": take up to ");
  }

  @Test
  void an_api_key_that_is_not_visible_ascii_is_reported() {
    assertThat(problems(session("\"expiresAt\": \"2030-01-01T00:00:00Z\", \"apiKey\": \"a key\"")))
        .containsExactly("sessions[0].apiKey: must be 1 to 128 visible ASCII characters");
  }

  @Test
  void every_problem_of_every_session_is_reported_at_once_naming_the_file() {
    // Arrange
    String json =
        """
        {"sessions": [
          {"token": "pcs_goodToken0001", "principalId": "alice", "roles": ["admin"],
           "expiresAt": "2030-01-01T00:00:00Z"},
          {"token": "pcs_goodToken0002", "principalId": "bob", "role": ["admin"],
           "expiresAt": "2030-01-01T00:00:00Z"},
          {"token": "pcs_goodToken0003", "principalId": "carol", "roles": "reader",
           "expiresAt": "next year", "attributes": {"roles": "admin"}},
          {"token": "pcs_goodToken0001", "roles": [], "expiresAt": "2030-01-01T00:00:00Z"}
        ], "version": 2}
        """;

    // Act
    SeedFileException e = failure(json);

    // Assert
    assertThat(e.source()).isEqualTo(NAME);
    assertThat(e.problems())
        .containsExactly(
            "sessions[1].role: unknown field, expected one of token, principalId, roles,"
                + " expiresAt, attributes, apiKey, issuedAt",
            "sessions[1].roles: missing, use [] for none",
            "sessions[2].roles: not a list of strings",
            "sessions[2].expiresAt: not an ISO-8601 instant such as 2030-01-01T00:00:00Z",
            "sessions[2].attributes.roles: a reserved context key: backend, claims, expiresAt,"
                + " principalId, roles",
            "sessions[3].token: the same token as sessions[0].token",
            "sessions[3].principalId: missing",
            "version: unknown field, expected \"sessions\"");
    assertThat(e.getMessage()).startsWith("seed file test-seed.json is invalid:\n  - sessions[1]");
    e.problems().forEach(p -> assertThat(e.getMessage()).contains("\n  - " + p));
  }

  @Test
  void no_error_message_ever_contains_a_token() {
    // Arrange: tokens valid, duplicated, refused and JWT-shaped, next to other problems.
    List<String> tokens =
        List.of(
            "pcs_secretNumberOne",
            "pcs_secret Number Two",
            "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.c2VjcmV0",
            "pcs_secret\\u200BThree");
    StringBuilder json = new StringBuilder("{\"sessions\": [");
    for (String token : tokens) {
      json.append("{\"token\": \"")
          .append(token)
          .append("\", \"principalId\": \"p\", \"roles\": 1, \"expiresAt\": \"x\"},");
    }
    json.append("{\"token\": \"pcs_secretNumberOne\"}]}");

    // Act
    SeedFileException e = failure(json.toString());

    // Assert
    assertThat(e.problems()).hasSizeGreaterThan(8);
    assertThat(e.getMessage())
        .doesNotContain("secret")
        .doesNotContain("c2VjcmV0")
        .doesNotContain("eyJhbGciOiJub25lIn0");
  }

  private List<Session> read(String json) {
    return loader.readSeed(stream(json), NAME).sessions();
  }

  private List<String> problems(String json) {
    return failure(json).problems();
  }

  private SeedFileException failure(String json) {
    SeedFileException e = catchThrowableOfType(SeedFileException.class, () -> read(json));
    assertThat(e).as("the seed file should have been refused").isNotNull();
    assertThat(e.getMessage()).startsWith("seed file " + NAME + " is invalid:");
    return e;
  }

  private static InputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Alice's session with the given extra fields. */
  private static String session(String fields) {
    return "{\"sessions\": [{\"token\": \""
        + TOKEN
        + "\", \"principalId\": \"alice\", \"roles\": [\"admin\"], "
        + fields
        + "}]}";
  }

  /** The text as the inside of a JSON string: control and non-ASCII characters escaped. */
  private static String jsonEscaped(String text) {
    StringBuilder escaped = new StringBuilder();
    text.chars()
        .forEach(
            c -> escaped.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", c) : (char) c));
    return escaped.toString();
  }

  private static String withToken(String tokenJson) {
    return "{\"sessions\": [{\"token\": "
        + tokenJson
        + ", \"principalId\": \"a\", \"roles\": [], \"expiresAt\": \"2030-01-01T00:00:00Z\"}]}";
  }

  private static String withRoles(String rolesJson) {
    return "{\"sessions\": [{\"token\": \"t\", \"principalId\": \"a\", \"roles\": "
        + rolesJson
        + ", \"expiresAt\": \"2030-01-01T00:00:00Z\"}]}";
  }

  private static String withAttributes(String attributesJson) {
    return session("\"expiresAt\": \"2030-01-01T00:00:00Z\", \"attributes\": " + attributesJson);
  }
}
