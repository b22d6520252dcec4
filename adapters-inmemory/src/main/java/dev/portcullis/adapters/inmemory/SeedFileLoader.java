package dev.portcullis.adapters.inmemory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.service.ContextBuilder;
import dev.portcullis.domain.text.Ascii;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the memory backend's seed file with Jackson's streaming parser, in the Lambda and on the
 * command line alike, and turns it into sessions that hold only the tokens' fingerprints.
 *
 * <pre>{"sessions": [{"token": "…", "principalId": "alice", "roles": ["admin"],
 *   "expiresAt": "2030-01-01T00:00:00Z", "attributes": {"tenant": "acme"},
 *   "apiKey": "optional", "issuedAt": "optional, defaults to the clock's now"}]}</pre>
 *
 * <p>Every problem of a broken file is reported at once, in one {@link SeedFileException}, each
 * under the JSON path of its field. A file that is not strict JSON (a name given twice in one
 * object included) or not UTF-8 is reported by its place alone. No message ever repeats a token.
 *
 * <p>A session whose {@code expiresAt} has passed is not a problem: it loads, resolves as expired
 * (401 for its own token only) and is listed as a {@link SeedNote.Expired}. Refusing it would take
 * the authorizer down for every caller on the day one static key expires. Its {@code issuedAt}
 * defaults to the second before its expiry rather than to the time of loading.
 *
 * <p>Attributes are held to the context's byte bounds ({@link ContextBuilder#MAX_CONTEXT_BYTES},
 * counted with {@link ContextBuilder#attributeBytes} beside the session's own principal, roles and
 * expiry), so every attribute a loaded session holds reaches the authorizer context.
 */
public final class SeedFileLoader {

  /** Deeper than a seed file ever nests ({@code sessions[0].attributes} is the third level). */
  private static final int MAX_DEPTH = 32;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  private static final Set<String> FIELDS =
      new LinkedHashSet<>(
          List.of(
              "token", "principalId", "roles", "expiresAt", "attributes", "apiKey", "issuedAt"));
  private static final int MAX_NAME_LENGTH = 128;
  private static final int SHOWN_NAME_LENGTH = 40;

  private final Clock clock;

  public SeedFileLoader(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The sessions of a seed file on disk, and its notes. */
  public SeedFile readSeed(Path file) {
    String source = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      return readSeed(in, source);
    } catch (IOException e) {
      throw new SeedFileException(
          source, List.of("cannot be read: " + e.getClass().getSimpleName()));
    }
  }

  /** The sessions of a seed file read from a stream, which the caller closes, and its notes. */
  public SeedFile readSeed(InputStream in, String displayName) {
    return new Reading(displayName, clock.instant()).read(in);
  }

  /** The sessions of a seed file on disk. */
  public List<Session> read(Path file) {
    return readSeed(file).sessions();
  }

  /** The sessions of a seed file read from a stream, which the caller closes. */
  public List<Session> read(InputStream in, String displayName) {
    return readSeed(in, displayName).sessions();
  }

  /** A new store holding the sessions of a seed file on disk. */
  public InMemorySessionStore load(Path file) {
    return store(read(file));
  }

  /** A new store holding the sessions of a seed file read from a stream. */
  public InMemorySessionStore load(InputStream in, String displayName) {
    return store(read(in, displayName));
  }

  private static InMemorySessionStore store(List<Session> sessions) {
    InMemorySessionStore store = new InMemorySessionStore();
    for (Session session : sessions) {
      if (!store.create(session)) {
        throw new IllegalStateException("two seeded sessions share a fingerprint");
      }
    }
    return store;
  }

  /** One pass over one file: the parser, the problems found so far and the sessions read. */
  private static final class Reading {

    private final String source;
    private final Instant now;
    private final List<String> problems = new ArrayList<>();
    private final Map<Fingerprint, String> tokenPaths = new HashMap<>();
    private final List<Session> sessions = new ArrayList<>();
    private final List<SeedNote> notes = new ArrayList<>();
    private JsonParser parser;

    Reading(String source, Instant now) {
      this.source = source;
      this.now = now;
    }

    SeedFile read(InputStream in) {
      try (JsonParser p = JSON.createParser(text(in))) {
        parser = p;
        readRoot();
      } catch (CharacterCodingException e) {
        problems.add("not valid UTF-8");
      } catch (StreamConstraintsException e) {
        problems.add("nests deeper than " + MAX_DEPTH + " levels or holds an overlong value");
      } catch (JsonProcessingException e) {
        // The place only: Jackson's message may quote the text, which holds tokens.
        JsonLocation at = e.getLocation();
        problems.add(
            "not valid JSON"
                + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                + " (a syntax error, or a name given twice in one object)");
      } catch (IOException e) {
        problems.add("cannot be read: " + e.getClass().getSimpleName());
      }
      if (!problems.isEmpty()) {
        throw new SeedFileException(source, problems);
      }
      return new SeedFile(sessions, notes);
    }

    /**
     * The file's text, decoded by the JDK, which refuses every ill-formed UTF-8 sequence of RFC
     * 3629. Jackson 2.x's own byte parser reads overlong forms and sequences above U+10FFFF as
     * characters, and a text that starts with zero bytes as UTF-16 or UTF-32.
     */
    private static String text(InputStream in) throws IOException {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(in.readAllBytes()))
          .toString();
    }

    private void readRoot() throws IOException {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add("the file is empty: expected {\"sessions\": [...]}");
        return;
      }
      if (first != JsonToken.START_OBJECT) {
        problems.add("expected a JSON object {\"sessions\": [...]}");
        return;
      }
      boolean seen = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("sessions")) {
          seen = true;
          readSessions();
        } else {
          problems.add(shown(field) + ": unknown field, expected \"sessions\"");
          parser.skipChildren();
        }
      }
      if (!seen) {
        problems.add("sessions: missing, expected a list of sessions");
      }
      if (parser.nextToken() != null) {
        problems.add("unexpected content after the top-level object");
      }
    }

    private void readSessions() throws IOException {
      if (parser.currentToken() != JsonToken.START_ARRAY) {
        problems.add("sessions: not a list");
        parser.skipChildren();
        return;
      }
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        readSession("sessions[" + index++ + "]");
      }
    }

    private void readSession(String path) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        problems.add(path + ": not an object");
        parser.skipChildren();
        return;
      }
      int problemsBefore = problems.size();
      Set<String> present = new HashSet<>();
      String token = null;
      String principalId = null;
      Set<String> roles = null;
      Instant expiresAt = null;
      Instant issuedAt = null;
      Map<String, String> attributes = Map.of();
      String apiKey = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        String fieldPath = path + "." + shown(field);
        parser.nextToken();
        if (!FIELDS.contains(field)) {
          problems.add(fieldPath + ": unknown field, expected one of " + String.join(", ", FIELDS));
          parser.skipChildren();
          continue;
        }
        present.add(field);
        switch (field) {
          case "token":
            token = string(fieldPath);
            break;
          case "principalId":
            principalId = string(fieldPath);
            break;
          case "roles":
            roles = roles(fieldPath);
            break;
          case "expiresAt":
            expiresAt = instant(fieldPath, string(fieldPath));
            break;
          case "issuedAt":
            issuedAt = instant(fieldPath, optionalString(fieldPath));
            break;
          case "attributes":
            attributes = attributes(fieldPath);
            break;
          default:
            apiKey = optionalString(fieldPath);
            break;
        }
      }
      Credential credential = checkToken(path, present, token);
      checkPrincipal(path, present, principalId);
      if (!present.contains("roles")) {
        problems.add(path + ".roles: missing, use [] for none");
      }
      if (!present.contains("expiresAt")) {
        problems.add(path + ".expiresAt: missing");
      }
      if (issuedAt != null && expiresAt != null && !expiresAt.isAfter(issuedAt)) {
        problems.add(path + ".expiresAt: must be after issuedAt (" + issuedAt + ")");
      }
      if (apiKey != null && !Ascii.isVisible(apiKey, MAX_NAME_LENGTH)) {
        problems.add(path + ".apiKey: must be 1 to 128 visible ASCII characters");
      }
      if (problems.size() > problemsBefore) {
        return;
      }
      Identity identity =
          new Identity(
              principalId,
              roles,
              attributes,
              expiresAt,
              InMemoryBackend.NAME,
              Optional.ofNullable(apiKey));
      if (!checkContextBytes(path, identity)) {
        return;
      }
      boolean expired = identity.isExpiredAt(now);
      if (expired) {
        notes.add(new SeedNote.Expired(path, principalId, expiresAt));
      }
      Instant issued = issuedAt != null ? issuedAt : expired ? expiresAt.minusSeconds(1) : now;
      sessions.add(new Session(credential.fingerprint(), identity, issued, Optional.empty()));
    }

    /**
     * True when every attribute of the identity reaches its context: the attributes' bytes (as
     * {@link ContextBuilder#attributeBytes} counts them) fit in what the context's {@value
     * ContextBuilder#MAX_CONTEXT_BYTES} bytes leave beside this identity's principal, roles,
     * backend and expiry. Otherwise the context would silently drop some, so it is a problem.
     */
    private boolean checkContextBytes(String path, Identity identity) {
      Identity bare =
          new Identity(
              identity.principalId(),
              identity.roles(),
              Map.of(),
              identity.expiresAt(),
              identity.backend(),
              identity.apiKey());
      int left =
          ContextBuilder.MAX_CONTEXT_BYTES
              - ContextBuilder.contextBytes(ContextBuilder.build(bare));
      int bytes = 0;
      for (Map.Entry<String, String> attribute : identity.attributes().entrySet()) {
        bytes += ContextBuilder.attributeBytes(attribute.getKey(), attribute.getValue());
      }
      if (bytes <= left) {
        return true;
      }
      problems.add(
          path
              + ".attributes: take up to "
              + bytes
              + " bytes of JSON in the authorizer context, where this session's principal, roles"
              + " and expiry leave "
              + left
              + " of its "
              + ContextBuilder.MAX_CONTEXT_BYTES
              + ": shorten or drop some (escaped and non-ASCII characters take 2 to 6 bytes each)");
      return false;
    }

    private Credential checkToken(String path, Set<String> present, String token) {
      String tokenPath = path + ".token";
      if (!present.contains("token")) {
        problems.add(tokenPath + ": missing");
        return null;
      }
      if (token == null) {
        return null; // not a string: already reported
      }
      if (token.isBlank()) {
        problems.add(tokenPath + ": blank");
        return null;
      }
      Optional<Credential> parsed = Credential.parse(token);
      if (parsed.isEmpty()) {
        problems.add(
            tokenPath
                + ": not a usable token: 1 to "
                + Credential.MAX_LENGTH
                + " visible ASCII characters, without spaces or control characters");
        return null;
      }
      Credential credential = parsed.get();
      if (credential.looksLikeJwt()) {
        problems.add(tokenPath + ": shaped like a JWT, which never reaches the memory backend");
        return null;
      }
      String earlier = tokenPaths.putIfAbsent(credential.fingerprint(), tokenPath);
      if (earlier != null) {
        problems.add(tokenPath + ": the same token as " + earlier);
        return null;
      }
      return credential;
    }

    private void checkPrincipal(String path, Set<String> present, String principalId) {
      if (!present.contains("principalId")) {
        problems.add(path + ".principalId: missing");
      } else if (principalId != null && !Ascii.isVisible(principalId, MAX_NAME_LENGTH)) {
        problems.add(path + ".principalId: must be 1 to 128 visible ASCII characters");
      }
    }

    /** The current value as a string, or null after reporting that it is not one. */
    private String string(String path) throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        return parser.getText();
      }
      problems.add(path + ": not a string");
      parser.skipChildren();
      return null;
    }

    /** Like {@link #string}, but JSON null means the field is absent. */
    private String optionalString(String path) throws IOException {
      return parser.currentToken() == JsonToken.VALUE_NULL ? null : string(path);
    }

    private Instant instant(String path, String text) {
      if (text == null) {
        return null;
      }
      try {
        return Instant.parse(text);
      } catch (DateTimeException e) {
        problems.add(path + ": not an ISO-8601 instant such as 2030-01-01T00:00:00Z");
        return null;
      }
    }

    private Set<String> roles(String path) throws IOException {
      if (parser.currentToken() != JsonToken.START_ARRAY) {
        problems.add(path + ": not a list of strings");
        parser.skipChildren();
        return null;
      }
      Set<String> roles = new LinkedHashSet<>();
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        String rolePath = path + "[" + index++ + "]";
        String role = string(rolePath);
        if (role != null && !Ascii.isVisible(role, MAX_NAME_LENGTH)) {
          problems.add(rolePath + ": must be 1 to 128 visible ASCII characters");
        } else if (role != null) {
          roles.add(role);
        }
      }
      return roles;
    }

    private Map<String, String> attributes(String path) throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_NULL) {
        return Map.of();
      }
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        problems.add(path + ": not an object of string values");
        parser.skipChildren();
        return Map.of();
      }
      Map<String, String> attributes = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        String keyPath = path + "." + shown(key);
        parser.nextToken();
        String value = string(keyPath);
        if (value == null) {
          continue;
        }
        if (!ContextBuilder.acceptsAttribute(key, value)) {
          problems.add(keyPath + ": " + attributeProblem(key, value));
        } else {
          attributes.put(key, value);
        }
      }
      if (attributes.size() > ContextBuilder.MAX_ATTRIBUTES) {
        problems.add(path + ": more than " + ContextBuilder.MAX_ATTRIBUTES + " attributes");
      }
      return attributes;
    }

    private static String attributeProblem(String key, String value) {
      if (ContextBuilder.RESERVED_KEYS.contains(key)) {
        return "a reserved context key: "
            + String.join(", ", new java.util.TreeSet<>(ContextBuilder.RESERVED_KEYS));
      }
      if (value.length() > ContextBuilder.MAX_VALUE_LENGTH) {
        return "value longer than " + ContextBuilder.MAX_VALUE_LENGTH + " characters";
      }
      return "key must be 1 to "
          + ContextBuilder.MAX_KEY_LENGTH
          + " characters of A-Z a-z 0-9 _ . : -";
    }

    /** A field name fit for a message: printable ASCII, cut short. */
    private static String shown(String name) {
      StringBuilder shown = new StringBuilder();
      for (int i = 0; i < name.length() && i < SHOWN_NAME_LENGTH; i++) {
        char c = name.charAt(i);
        shown.append(c >= 0x20 && c < 0x7F ? c : '?');
      }
      return name.length() > SHOWN_NAME_LENGTH ? shown + "..." : shown.toString();
    }
  }
}
