package dev.portcullis.bootstrap.config;

import dev.portcullis.adapters.jwt.JwksDocument;
import dev.portcullis.adapters.jwt.JwtSettings;
import dev.portcullis.adapters.jwt.JwtSettings.ContextClaim;
import dev.portcullis.adapters.jwt.JwtSettings.TrustedIssuer;
import dev.portcullis.domain.service.ContextBuilder;
import dev.portcullis.domain.text.Ascii;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads the {@code PORTCULLIS_JWT_*} variables into the JWT backend's {@link JwtSettings}. */
final class JwtVariables {

  /** Every variable of the JWT backend; docs/jwt.md describes each. */
  static final Set<String> NAMES =
      Set.of(
          "PORTCULLIS_JWT_ISSUER",
          "PORTCULLIS_JWT_JWKS_URL",
          "PORTCULLIS_JWT_JWKS_FILE",
          "PORTCULLIS_JWT_AUDIENCE",
          "PORTCULLIS_JWT_AUDIENCE_CLAIM",
          "PORTCULLIS_JWT_ALGORITHMS",
          "PORTCULLIS_JWT_ROLES_CLAIM",
          "PORTCULLIS_JWT_PRINCIPAL_CLAIM",
          "PORTCULLIS_JWT_LEEWAY_SECONDS",
          "PORTCULLIS_JWT_TOKEN_USE",
          "PORTCULLIS_JWT_CONTEXT_CLAIMS",
          "PORTCULLIS_JWT_JWKS_TIMEOUT_MS",
          "PORTCULLIS_JWT_JWKS_MIN_REFETCH_SECONDS",
          "PORTCULLIS_JWT_JWKS_MAX_AGE_SECONDS");

  private static final String WELL_KNOWN_JWKS = "/.well-known/jwks.json";
  private static final Pattern LOOPBACK_V4 =
      Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private final SettingsReader env;

  JwtVariables(SettingsReader env) {
    this.env = env;
  }

  /** The settings, or empty when a problem was found: the reader then holds every one. */
  Optional<JwtSettings> read() {
    int before = env.problems().size();
    List<TrustedIssuer> issuers = issuers();
    List<String> audiences = env.list("PORTCULLIS_JWT_AUDIENCE").orElse(List.of());
    if (!env.isSet("PORTCULLIS_JWT_AUDIENCE")) {
      env.problem(
          "PORTCULLIS_JWT_AUDIENCE is not set: the jwt backend needs the accepted audience(s),"
              + " comma-separated, e.g. your API identifier or app client id");
    }
    String audienceClaim =
        claimName("PORTCULLIS_JWT_AUDIENCE_CLAIM", JwtSettings.DEFAULT_AUDIENCE_CLAIM);
    List<String> algorithms = algorithms();
    List<String> rolesClaims =
        env.list("PORTCULLIS_JWT_ROLES_CLAIM").orElse(List.of(JwtSettings.DEFAULT_ROLES_CLAIM));
    String principalClaim =
        claimName("PORTCULLIS_JWT_PRINCIPAL_CLAIM", JwtSettings.DEFAULT_PRINCIPAL_CLAIM);
    Duration leeway =
        Duration.ofSeconds(
            env.integer(
                "PORTCULLIS_JWT_LEEWAY_SECONDS", 0, 0, (int) JwtSettings.MAX_LEEWAY.toSeconds()));
    Optional<String> tokenUse = tokenUse();
    List<ContextClaim> contextClaims = contextClaims();
    Duration timeout =
        Duration.ofMillis(
            env.integer(
                "PORTCULLIS_JWT_JWKS_TIMEOUT_MS",
                (int) JwtSettings.DEFAULT_JWKS_TIMEOUT.toMillis(),
                50,
                10_000));
    Duration minRefetch =
        Duration.ofSeconds(
            env.integer(
                "PORTCULLIS_JWT_JWKS_MIN_REFETCH_SECONDS",
                (int) JwtSettings.DEFAULT_MIN_REFETCH_INTERVAL.toSeconds(),
                1,
                3600));
    Duration maxAge = maxAge();
    if (env.problems().size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new JwtSettings(
            issuers,
            audiences,
            audienceClaim,
            algorithms,
            rolesClaims,
            principalClaim,
            leeway,
            tokenUse,
            contextClaims,
            timeout,
            minRefetch,
            maxAge));
  }

  private List<TrustedIssuer> issuers() {
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
    List<String> entries = new ArrayList<>();
    Optional<String> raw = env.string(name);
    if (raw.isEmpty()) {
      for (int i = 0; i < issuers; i++) {
        entries.add("");
      }
      return entries;
    }
    for (String entry : raw.get().split(",", -1)) {
      entries.add(entry.trim());
    }
    if (entries.size() != issuers) {
      env.problem(
          name
              + " has "
              + entries.size()
              + " entries but PORTCULLIS_JWT_ISSUER names "
              + issuers
              + ": give one entry per issuer, in the same order (leave an entry empty for the"
              + " default)");
      while (entries.size() < issuers) {
        entries.add("");
      }
    }
    return entries;
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

  private List<String> algorithms() {
    List<String> names =
        env.list("PORTCULLIS_JWT_ALGORITHMS").orElse(JwtSettings.DEFAULT_ALGORITHMS);
    String supported = String.join(",", JwtSettings.SUPPORTED_ALGORITHMS);
    List<String> accepted = new ArrayList<>();
    for (String name : names) {
      String upper = name.toUpperCase(Locale.ROOT);
      if (JwtSettings.SUPPORTED_ALGORITHMS.contains(name)) {
        if (!accepted.contains(name)) {
          accepted.add(name);
        }
      } else if (upper.startsWith("HS")) {
        env.problem(
            "PORTCULLIS_JWT_ALGORITHMS names "
                + name
                + ": HMAC algorithms are refused, since Portcullis verifies with the issuer's"
                + " public keys only; use one or more of "
                + supported);
      } else if (upper.equals("NONE")) {
        env.problem(
            "PORTCULLIS_JWT_ALGORITHMS names none: unsigned tokens are never accepted; use one or"
                + " more of "
                + supported);
      } else if (upper.equals("EDDSA") || upper.equals("ED25519")) {
        env.problem(
            "PORTCULLIS_JWT_ALGORITHMS names "
                + name
                + ": EdDSA needs Google Tink, which Portcullis does not ship; use one or more of "
                + supported);
      } else {
        env.problem(
            "PORTCULLIS_JWT_ALGORITHMS names unknown algorithm '"
                + name
                + "': use one or more of "
                + supported
                + " (upper case)");
      }
    }
    return accepted.isEmpty() ? JwtSettings.DEFAULT_ALGORITHMS : accepted;
  }

  private Optional<String> tokenUse() {
    Optional<String> raw = env.string("PORTCULLIS_JWT_TOKEN_USE");
    if (raw.isPresent() && !JwtSettings.TOKEN_USES.contains(raw.get())) {
      env.problem(
          "PORTCULLIS_JWT_TOKEN_USE has an invalid value: use access or id (Cognito's token_use),"
              + " or unset it");
      return Optional.empty();
    }
    return raw;
  }

  private List<ContextClaim> contextClaims() {
    List<ContextClaim> claims = new ArrayList<>();
    Set<String> attributes = new LinkedHashSet<>();
    for (String entry : env.list("PORTCULLIS_JWT_CONTEXT_CLAIMS").orElse(List.of())) {
      int equals = entry.indexOf('=');
      String attribute = equals < 0 ? entry : entry.substring(0, equals).trim();
      String claim = equals < 0 ? entry : entry.substring(equals + 1).trim();
      if (claim.isEmpty() || !ContextBuilder.acceptsAttribute(attribute, "")) {
        env.problem(
            "PORTCULLIS_JWT_CONTEXT_CLAIMS entry '"
                + entry
                + "' does not make a context key: write CLAIM or ATTRIBUTE=CLAIM, where the"
                + " attribute is 1 to "
                + ContextBuilder.MAX_KEY_LENGTH
                + " of A-Z a-z 0-9 _ . : - and not one of "
                + String.join(",", new TreeSet<>(ContextBuilder.RESERVED_KEYS))
                + ", e.g. tenant=custom:tenant");
      } else if (!attributes.add(attribute)) {
        env.problem(
            "PORTCULLIS_JWT_CONTEXT_CLAIMS names attribute '"
                + attribute
                + "' twice: name each attribute once");
      } else {
        claims.add(new ContextClaim(attribute, claim));
      }
    }
    if (claims.size() > ContextBuilder.MAX_ATTRIBUTES) {
      env.problem(
          "PORTCULLIS_JWT_CONTEXT_CLAIMS names "
              + claims.size()
              + " claims: the context holds at most "
              + ContextBuilder.MAX_ATTRIBUTES
              + " attributes");
    }
    return claims;
  }

  private Duration maxAge() {
    int seconds =
        env.integer(
            "PORTCULLIS_JWT_JWKS_MAX_AGE_SECONDS",
            (int) JwtSettings.DEFAULT_JWKS_MAX_AGE.toSeconds(),
            0,
            86_400);
    if (seconds > 0 && seconds < 60) {
      env.problem(
          "PORTCULLIS_JWT_JWKS_MAX_AGE_SECONDS is "
              + seconds
              + ": use 0 (refresh only on an unknown key id) or 60 to 86400");
    }
    return Duration.ofSeconds(seconds);
  }

  private String claimName(String name, String fallback) {
    String claim = env.string(name).orElse(fallback);
    if (claim.indexOf(',') >= 0) {
      env.problem(name + " names several claims: name exactly one, e.g. " + fallback);
      return fallback;
    }
    return claim;
  }

  private static String stripTrailingSlash(String issuer) {
    return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
  }
}
