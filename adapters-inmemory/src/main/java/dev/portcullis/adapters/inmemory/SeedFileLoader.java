package dev.portcullis.adapters.inmemory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.service.ContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

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
 * {@link SeedJson} walks the JSON; {@link SeedChecks} says what is wrong with the values and builds
 * the sessions.
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
    SeedChecks checks = new SeedChecks(clock.instant());
    try (JsonParser parser = JSON.createParser(text(in))) {
      new SeedJson(parser, checks).readRoot();
    } catch (CharacterCodingException e) {
      checks.problem("not valid UTF-8");
    } catch (StreamConstraintsException e) {
      checks.problem("nests deeper than " + MAX_DEPTH + " levels or holds an overlong value");
    } catch (JsonProcessingException e) {
      // The place only: Jackson's message may quote the text, which holds tokens.
      JsonLocation at = e.getLocation();
      checks.problem(
          "not valid JSON"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + " (a syntax error, or a name given twice in one object)");
    } catch (IOException e) {
      checks.problem("cannot be read: " + e.getClass().getSimpleName());
    }
    if (!checks.problems().isEmpty()) {
      throw new SeedFileException(displayName, checks.problems());
    }
    return new SeedFile(checks.sessions(), checks.notes());
  }

  /** A new store holding the sessions of a seed file on disk. */
  public InMemorySessionStore load(Path file) {
    InMemorySessionStore store = new InMemorySessionStore();
    for (Session session : readSeed(file).sessions()) {
      if (!store.create(session)) {
        throw new IllegalStateException("two seeded sessions share a fingerprint");
      }
    }
    return store;
  }

  /**
   * The file's text, decoded by the JDK, which refuses every ill-formed UTF-8 sequence of RFC 3629.
   * Jackson 2.x's own byte parser reads overlong forms and sequences above U+10FFFF as characters,
   * and a text that starts with zero bytes as UTF-16 or UTF-32.
   */
  private static String text(InputStream in) throws IOException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .decode(ByteBuffer.wrap(in.readAllBytes()))
        .toString();
  }
}
