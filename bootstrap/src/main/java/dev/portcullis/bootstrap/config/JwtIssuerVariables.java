package dev.portcullis.bootstrap.config;

import dev.portcullis.adapters.jwt.JwksDocument;
import dev.portcullis.adapters.jwt.JwtSettings.TrustedIssuer;
import dev.portcullis.domain.text.Ascii;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the JWT backend's trusted issuers: {@code PORTCULLIS_JWT_ISSUER}, and one entry per issuer
 * of {@code PORTCULLIS_JWT_JWKS_URL} and {@code PORTCULLIS_JWT_JWKS_FILE}.
 */
final class JwtIssuerVariables {

  private static final String WELL_KNOWN_JWKS = "/.well-known/jwks.json";
  private static final Pattern LOOPBACK_V4 =
      Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private final SettingsReader env;

  JwtIssuerVariables(SettingsReader env) {
    this.env = env;
  }

  /** The issuers, each with its JWKS URL and file; empty after reporting that none is set. */
  List<TrustedIssuer> read() {
    Optional<List<String>> names = env.list("PORTCULLIS_JWT_ISSUER");
    if (names.isEmpty()) {
      env.problem(
          "PORTCULLIS_JWT_ISSUER is not set: the jwt backend needs the exact iss value of each"
              + " trusted issuer, comma-separated, e.g."
              + " https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123");
      return List.of();
    }
    List<String> issuers = names.get();
    if (new LinkedHashSet<>(issuers).size() < issuers.size()) {
      env.problem("PORTCULLIS_JWT_ISSUER names an issuer twice: name each issuer once");
    }
    List<String> urls = entries("PORTCULLIS_JWT_JWKS_URL", issuers.size());
    List<String> files = entries("PORTCULLIS_JWT_JWKS_FILE", issuers.size());
    List<TrustedIssuer> result = new ArrayList<>();
    for (int i = 0; i < issuers.size(); i++) {
      String issuer = issuers.get(i);
      if (!Ascii.isVisible(issuer)) {
        env.problem(
            "PORTCULLIS_JWT_ISSUER entry "
                + (i + 1)
                + " holds spaces or non-ASCII characters: copy the iss value exactly");
        continue;
      }
      URI url = jwksUrl(issuer, urls.get(i));
      Optional<Path> file = jwksFile(files.get(i));
      if (url != null) {
        result.add(new TrustedIssuer(issuer, url, file));
      }
    }
    return result;
  }

  /** One entry per issuer, in the issuers' order; empty entries (and an unset variable) give "". */
  private List<String> entries(String name, int issuers) {
    Optional<String> raw = env.string(name);
    if (raw.isEmpty()) {
      return Collections.nCopies(issuers, "");
    }
    List<String> entries = Arrays.stream(raw.get().split(",", -1)).map(String::trim).toList();
    if (entries.size() == issuers) {
      return entries;
    }
    env.problem(
        name
            + " has "
            + entries.size()
            + " entries but PORTCULLIS_JWT_ISSUER names "
            + issuers
            + ": give one entry per issuer, in the same order (leave an entry empty for the"
            + " default)");
    return Stream.concat(entries.stream(), Stream.generate(() -> ""))
        .limit(Math.max(issuers, entries.size()))
        .toList();
  }

  private URI jwksUrl(String issuer, String explicit) {
    boolean derived = explicit.isEmpty();
    String raw = derived ? stripTrailingSlash(issuer) + WELL_KNOWN_JWKS : explicit;
    try {
      URI uri = new URI(raw);
      if (uri.getHost() != null && fetchable(uri)) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    env.problem(
        derived
            ? "PORTCULLIS_JWT_JWKS_URL is not set for issuer '"
                + issuer
                + "', and no https JWKS URL can be derived from it: set the issuer's jwks_uri"
                + " (see its /.well-known/openid-configuration)"
            : "PORTCULLIS_JWT_JWKS_URL entry '"
                + explicit
                + "' is not an https URL: use the issuer's jwks_uri, e.g."
                + " https://idp.example.com/.well-known/jwks.json (plain http only to a loopback"
                + " address)");
    return null;
  }

  /** https anywhere; plain http only to this machine, for tests and local runs. */
  private static boolean fetchable(URI uri) {
    if ("https".equalsIgnoreCase(uri.getScheme())) {
      return true;
    }
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      return false;
    }
    String host = uri.getHost();
    // Decided on the text alone: never a DNS look-up at start-up.
    return host.equals("localhost") || host.equals("[::1]") || LOOPBACK_V4.matcher(host).matches();
  }

  private Optional<Path> jwksFile(String raw) {
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    Path path = Path.of(raw);
    try {
      JwksDocument.problem(Files.readString(path))
          .ifPresent(
              problem ->
                  env.problem(
                      "PORTCULLIS_JWT_JWKS_FILE "
                          + path
                          + " "
                          + problem
                          + ": save the issuer's public jwks_uri document"));
    } catch (IOException e) {
      env.problem(
          "PORTCULLIS_JWT_JWKS_FILE names "
              + path.toAbsolutePath()
              + ", which does not exist or cannot be read");
    }
    return Optional.of(path);
  }

  private static String stripTrailingSlash(String issuer) {
    return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
  }
}
