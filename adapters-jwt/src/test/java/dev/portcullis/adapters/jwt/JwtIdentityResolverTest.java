package dev.portcullis.adapters.jwt;

import static dev.portcullis.adapters.jwt.Fixture.credential;
import static dev.portcullis.adapters.jwt.Fixture.env;
import static dev.portcullis.adapters.jwt.Fixture.resolver;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a valid token resolves to: principal, roles, attributes and expiry. */
class JwtIdentityResolverTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  private final MutableClock clock = MutableClock.at(NOW);
  private final JwksServer server = JwksServer.serving(TestKeys.RSA, TestKeys.EC);

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void aValidRs256TokenResolvesToItsPrincipalRolesAttributesAndExpiry() {
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_CONTEXT_CLAIMS", "email"), clock);
    String token =
        Tokens.sign(
            TestKeys.RSA,
            Tokens.claims(NOW)
                .claim("roles", List.of("reader", "writer"))
                .claim("email", "alice@example.com")
                .build());

    Resolution resolution = resolver.resolve(credential(token));

    assertThat(resolution)
        .isEqualTo(
            new Resolution.Resolved(
                new Identity(
                    "alice",
                    Set.of("reader", "writer"),
                    Map.of("email", "alice@example.com"),
                    NOW.plus(Duration.ofHours(1)),
                    "jwt")));
  }

  @Test
  void aValidEs256TokenResolvesToo() {
    JwtIdentityResolver resolver = resolver(env(server), clock);
    String token =
        Tokens.sign(TestKeys.EC, Tokens.claims(NOW).claim("roles", List.of("admin")).build());

    Resolution resolution = resolver.resolve(credential(token));

    assertThat(identity(resolution).roles()).containsExactly("admin");
    assertThat(identity(resolution).principalId()).isEqualTo("alice");
  }

  @Test
  void rolesComeFromCognitoGroupsWhenThatIsTheRolesClaim() {
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_ROLES_CLAIM", "cognito:groups"), clock);
    String token =
        Tokens.sign(
            TestKeys.RSA,
            Tokens.claims(NOW).claim("cognito:groups", List.of("admins", "staff")).build());

    assertThat(identity(resolver.resolve(credential(token))).roles())
        .containsExactlyInAnyOrder("admins", "staff");
  }

  @Test
  void rolesComeFromASpaceSeparatedScopeString() {
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_ROLES_CLAIM", "scope"), clock);
    String token =
        Tokens.sign(
            TestKeys.RSA,
            Tokens.claims(NOW).claim("scope", "openid  orders/read orders/write").build());

    assertThat(identity(resolver.resolve(credential(token))).roles())
        .containsExactlyInAnyOrder("openid", "orders/read", "orders/write");
  }

  @Test
  void aDottedRolesClaimWalksNestedObjectsLikeKeycloaksRealmAccess() {
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_ROLES_CLAIM", "realm_access.roles"), clock);
    String token =
        Tokens.sign(
            TestKeys.RSA,
            Tokens.claims(NOW)
                .claim("realm_access", Map.of("roles", List.of("offline_access", "admin")))
                .build());

    assertThat(identity(resolver.resolve(credential(token))).roles())
        .containsExactlyInAnyOrder("offline_access", "admin");
  }

  @Test
  void aClaimWhoseExactNameHoldsDotsWinsOverThePathLikeAuth0NamespacedClaims() {
    String claim = "https://example.com/roles";
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_ROLES_CLAIM", claim), clock);
    String token =
        Tokens.sign(TestKeys.RSA, Tokens.claims(NOW).claim(claim, List.of("editor")).build());

    assertThat(identity(resolver.resolve(credential(token))).roles()).containsExactly("editor");
  }

  @Test
  void severalRolesClaimsAreUnitedAndNamesNoRuleCouldHoldAreLeftOut() {
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_ROLES_CLAIM", "cognito:groups,scope"), clock);
    String token =
        Tokens.sign(
            TestKeys.RSA,
            Tokens.claims(NOW)
                .claim("cognito:groups", List.of("staff", "with space", "é", 7))
                .claim("scope", "orders/read")
                .build());

    assertThat(identity(resolver.resolve(credential(token))).roles())
        .containsExactlyInAnyOrder("staff", "orders/read");
  }

  @Test
  void aTokenWithoutTheRolesClaimResolvesWithNoRoles() {
    JwtIdentityResolver resolver = resolver(env(server), clock);
    String token = Tokens.sign(TestKeys.RSA, Tokens.claims(NOW).build());

    assertThat(identity(resolver.resolve(credential(token))).roles()).isEmpty();
  }

  @Test
  void contextClaimsAreCopiedAsScalarStringsRenamedWhereAskedAndNonScalarsSkipped() {
    JwtIdentityResolver resolver =
        resolver(
            env(
                server,
                "PORTCULLIS_JWT_CONTEXT_CLAIMS",
                "email,tenant=custom:tenant,level=custom:level,verified=email_verified,"
                    + "address,groups=cognito:groups,issued=iat,missing"),
            clock);
    String token =
        Tokens.sign(
            TestKeys.RSA,
            Tokens.claims(NOW)
                .claim("email", "alice@example.com")
                .claim("custom:tenant", "acme")
                .claim("custom:level", 3)
                .claim("email_verified", true)
                .claim("address", Map.of("country", "NL"))
                .claim("cognito:groups", List.of("staff"))
                .build());

    assertThat(identity(resolver.resolve(credential(token))).attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "email", "alice@example.com",
                "tenant", "acme",
                "level", "3",
                "verified", "true",
                "issued", Long.toString(NOW.getEpochSecond())));
  }

  @Test
  void aContextValueLongerThanTheContextAllowsIsLeftOut() {
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_CONTEXT_CLAIMS", "note,email"), clock);
    String token =
        Tokens.sign(
            TestKeys.RSA,
            Tokens.claims(NOW).claim("note", "x".repeat(1025)).claim("email", "a@b.c").build());

    assertThat(identity(resolver.resolve(credential(token))).attributes())
        .containsExactlyEntriesOf(Map.of("email", "a@b.c"));
  }

  @Test
  void theAudienceMayBeAStringOrAnArrayAndAnyConfiguredValueMatches() {
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_AUDIENCE", "orders-api,billing-api"), clock);
    String single = Tokens.sign(TestKeys.RSA, Tokens.claims(NOW).audience("billing-api").build());
    String array =
        Tokens.sign(
            TestKeys.RSA,
            Tokens.claims(NOW).audience(List.of("https://other/userinfo", "orders-api")).build());

    assertThat(resolver.resolve(credential(single))).isInstanceOf(Resolution.Resolved.class);
    assertThat(resolver.resolve(credential(array))).isInstanceOf(Resolution.Resolved.class);
  }

  @Test
  void cognitoAccessTokensAreCheckedAgainstClientIdAndTokenUse() {
    JwtIdentityResolver resolver =
        resolver(
            env(
                server,
                "PORTCULLIS_JWT_AUDIENCE",
                "3n4b5urk1ft4fl3mg5e62d9ado",
                "PORTCULLIS_JWT_AUDIENCE_CLAIM",
                "client_id",
                "PORTCULLIS_JWT_TOKEN_USE",
                "access",
                "PORTCULLIS_JWT_ROLES_CLAIM",
                "cognito:groups"),
            clock);
    JWTClaimsSet.Builder access =
        Tokens.claims(NOW)
            .audience((String) null)
            .claim("client_id", "3n4b5urk1ft4fl3mg5e62d9ado")
            .claim("token_use", "access")
            .claim("cognito:groups", List.of("admins"));

    Resolution resolution = resolver.resolve(credential(Tokens.sign(TestKeys.RSA, access.build())));

    assertThat(identity(resolution).roles()).containsExactly("admins");
  }

  @Test
  void theLeewayToleratesAnIssuerClockSlightlyAheadForNbfAndIat() {
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_LEEWAY_SECONDS", "30"), clock);
    Date ahead = Date.from(NOW.plusSeconds(30));
    String token =
        Tokens.sign(TestKeys.RSA, Tokens.claims(NOW).notBeforeTime(ahead).issueTime(ahead).build());

    assertThat(resolver.resolve(credential(token))).isInstanceOf(Resolution.Resolved.class);
  }

  @Test
  void thePrincipalMayComeFromAnotherClaim() {
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_PRINCIPAL_CLAIM", "cognito:username"), clock);
    String token =
        Tokens.sign(TestKeys.RSA, Tokens.claims(NOW).claim("cognito:username", "alice42").build());

    assertThat(identity(resolver.resolve(credential(token))).principalId()).isEqualTo("alice42");
  }

  @Test
  void aTokenThatExpiredWithAValidSignatureIsExpired() {
    JwtIdentityResolver resolver = resolver(env(server), clock);
    String token = Tokens.sign(TestKeys.RSA, Tokens.claims(NOW).build());

    clock.advance(Duration.ofHours(1));

    assertThat(resolver.resolve(credential(token))).isEqualTo(new Resolution.Expired());
  }

  @Test
  void anExpiredTokenWithABadSignatureIsASignatureFailureNotExpired() {
    JwtIdentityResolver resolver = resolver(env(server), clock);
    JWTClaimsSet claims = Tokens.claims(NOW.minus(Duration.ofDays(1))).build();
    String forged =
        Tokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestKeys.RSA.getKeyID()).build(),
            TestKeys.ATTACKER_RSA,
            claims);

    assertThat(resolver.resolve(credential(forged)))
        .isEqualTo(new Resolution.Invalid(JwtReason.SIGNATURE));
  }

  @Test
  void itIsNamedJwtAndAcceptsOnlyJwtShapedCredentials() {
    JwtIdentityResolver resolver = resolver(env(server), clock);
    String token = Tokens.sign(TestKeys.RSA, Tokens.claims(NOW).build());

    assertThat(resolver.name()).isEqualTo("jwt");
    assertThat(resolver.accepts(credential(token))).isTrue();
    assertThat(resolver.accepts(credential("pc_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG")))
        .isFalse();
  }

  @Test
  void aResolvedIdentityNeverCarriesTheToken() {
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_CONTEXT_CLAIMS", "email"), clock);
    String token =
        Tokens.sign(TestKeys.RSA, Tokens.claims(NOW).claim("email", "alice@example.com").build());
    Credential credential = credential(token);

    Identity identity = identity(resolver.resolve(credential));

    assertThat(identity.toString()).doesNotContain(token).doesNotContain(Tokens.segments(token)[2]);
  }

  private static Identity identity(Resolution resolution) {
    assertThat(resolution).isInstanceOf(Resolution.Resolved.class);
    return ((Resolution.Resolved) resolution).identity();
  }
}
