package dev.portcullis.adapters.inmemory;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.service.ContextBuilder;
import dev.portcullis.domain.text.Ascii;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is wrong with the values of one seed file, each problem under the JSON path of its value,
 * and the sessions and notes of the entries that hold none. Never a token in a message.
 */
final class SeedChecks {

  private static final int MAX_NAME_LENGTH = 128;

  private final Instant now;
  private final List<String> problems = new ArrayList<>();
  private final Map<Fingerprint, String> tokenPaths = new HashMap<>();
  private final List<Session> sessions = new ArrayList<>();
  private final List<SeedNote> notes = new ArrayList<>();

  /** Checks against {@code now}: the sessions that have expired by then are notes. */
  SeedChecks(Instant now) {
    this.now = now;
  }

  /**
   * The fields of one session as the JSON walk read them: null where absent, and where the walk
   * reported the value as not of its type.
   */
  record Fields(
      Set<String> present,
      String token,
      String principalId,
      Set<String> roles,
      Instant expiresAt,
      Instant issuedAt,
      Map<String, String> attributes,
      String apiKey) {}

  /** Records a problem, its place first. */
  void problem(String problem) {
    problems.add(problem);
  }

  /** Every problem so far, in the order found. */
  List<String> problems() {
    return Collections.unmodifiableList(problems);
  }

  List<Session> sessions() {
    return sessions;
  }

  List<SeedNote> notes() {
    return notes;
  }

  /** The instant {@code text} names, or null after reporting that it names none. */
  Instant instant(String path, String text) {
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

  /** True when {@code role} is a role name; otherwise reports it. */
  boolean role(String path, String role) {
    if (Ascii.isVisible(role, MAX_NAME_LENGTH)) {
      return true;
    }
    problems.add(path + ": must be 1 to 128 visible ASCII characters");
    return false;
  }

  /** True when the attribute can go into a context as it is; otherwise reports why not. */
  boolean attribute(String path, String key, String value) {
    if (ContextBuilder.acceptsAttribute(key, value)) {
      return true;
    }
    problems.add(path + ": " + attributeProblem(key, value));
    return false;
  }

  /** Reports a session with more attributes than a context holds. */
  void attributeCount(String path, Map<String, String> attributes) {
    if (attributes.size() > ContextBuilder.MAX_ATTRIBUTES) {
      problems.add(path + ": more than " + ContextBuilder.MAX_ATTRIBUTES + " attributes");
    }
  }

  /**
   * Checks a whole session and keeps it when no problem was found since {@code problemsBefore}: its
   * token, its principal, the required fields, its instants, its API key and its context.
   */
  void session(String path, int problemsBefore, Fields fields) {
    Credential credential = checkToken(path, fields.present(), fields.token());
    checkPrincipal(path, fields.present(), fields.principalId());
    if (!fields.present().contains("roles")) {
      problems.add(path + ".roles: missing, use [] for none");
    }
    if (!fields.present().contains("expiresAt")) {
      problems.add(path + ".expiresAt: missing");
    }
    Instant expiresAt = fields.expiresAt();
    Instant issuedAt = fields.issuedAt();
    if (issuedAt != null && expiresAt != null && !expiresAt.isAfter(issuedAt)) {
      problems.add(path + ".expiresAt: must be after issuedAt (" + issuedAt + ")");
    }
    if (fields.apiKey() != null && !Ascii.isVisible(fields.apiKey(), MAX_NAME_LENGTH)) {
      problems.add(path + ".apiKey: must be 1 to 128 visible ASCII characters");
    }
    if (problems.size() > problemsBefore) {
      return;
    }
    Identity identity =
        new Identity(
            fields.principalId(),
            fields.roles(),
            fields.attributes(),
            expiresAt,
            InMemoryBackend.NAME,
            Optional.ofNullable(fields.apiKey()));
    if (!checkContextBytes(path, identity)) {
      return;
    }
    boolean expired = identity.isExpiredAt(now);
    if (expired) {
      notes.add(new SeedNote.Expired(path, fields.principalId(), expiresAt));
    }
    Instant issued = issuedAt != null ? issuedAt : expired ? expiresAt.minusSeconds(1) : now;
    sessions.add(new Session(credential.fingerprint(), identity, issued, Optional.empty()));
  }

  /**
   * True when every attribute of the identity reaches its context: the attributes' bytes (as {@link
   * ContextBuilder#attributeBytes} counts them) fit in what the context's {@value
   * ContextBuilder#MAX_CONTEXT_BYTES} bytes leave beside this identity's principal, roles, backend
   * and expiry. Otherwise the context would silently drop some, so it is a problem.
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
        ContextBuilder.MAX_CONTEXT_BYTES - ContextBuilder.contextBytes(ContextBuilder.build(bare));
    int bytes =
        identity.attributes().entrySet().stream()
            .mapToInt(
                attribute ->
                    ContextBuilder.attributeBytes(attribute.getKey(), attribute.getValue()))
            .sum();
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

  private static String attributeProblem(String key, String value) {
    if (ContextBuilder.RESERVED_KEYS.contains(key)) {
      return "a reserved context key: "
          + String.join(", ", new TreeSet<>(ContextBuilder.RESERVED_KEYS));
    }
    if (value.length() > ContextBuilder.MAX_VALUE_LENGTH) {
      return "value longer than " + ContextBuilder.MAX_VALUE_LENGTH + " characters";
    }
    return "key must be 1 to "
        + ContextBuilder.MAX_KEY_LENGTH
        + " characters of A-Z a-z 0-9 _ . : -";
  }
}
