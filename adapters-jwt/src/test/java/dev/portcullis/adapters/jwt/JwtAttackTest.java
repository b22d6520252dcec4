package dev.portcullis.adapters.jwt;

import static dev.portcullis.adapters.jwt.Fixture.env;
import static dev.portcullis.adapters.jwt.Fixture.resolver;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.opts.AllowWeakRSAKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Forged, tampered, misdirected and malformed tokens. Every one ends in a negative resolution
 * (Invalid or Expired) with a short reason: none resolves and none throws.
 */
class JwtAttackTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final String KID = TestKeys.RSA.getKeyID();

  private final MutableClock clock = MutableClock.at(NOW);
  private final JwksServer server = JwksServer.serving(TestKeys.RSA, TestKeys.EC);
  private final JwksServer attacker = JwksServer.serving(TestKeys.ATTACKER_RSA);
  private JwtIdentityResolver resolver = resolver(env(server), clock);

  @AfterEach
  void stopServers() {
    server.close();
    attacker.close();
  }

  @Test
  void anUnsignedAlgNoneTokenIsRefused() {
    String token = Tokens.b64("{\"alg\":\"none\"}") + "." + payload(claims().build()) + ".";

    assertRefused(token, JwtReason.ALGORITHM);
  }

  @Test
  void algNoneKeepingTheOriginalSignatureIsRefused() {
    String[] valid = Tokens.segments(valid());
    String token =
        Tokens.b64("{\"alg\":\"none\",\"kid\":\"" + KID + "\"}") + "." + valid[1] + "." + valid[2];

    assertRefused(token, JwtReason.ALGORITHM);
  }

  @Test
  void algNoneInOtherLetterCasesIsRefused() {
    for (String none : List.of("None", "NONE", "nOnE")) {
      String header = "{\"alg\":\"" + none + "\",\"kid\":\"" + KID + "\"}";
      String token = Tokens.b64(header) + "." + payload(claims().build()) + ".";

      assertRefused(token, JwtReason.ALGORITHM);
    }
  }

  @Test
  void hs256SignedWithTheRsaPublicKeyAsTheHmacSecretIsRefused() throws JOSEException {
    byte[] der = TestKeys.RSA.toRSAPublicKey().getEncoded();
    byte[] pem =
        ("-----BEGIN PUBLIC KEY-----\n" + Base64.encode(der) + "\n-----END PUBLIC KEY-----\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] jwkJson = TestKeys.RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);

    for (byte[] secret : List.of(der, pem, jwkJson)) {
      String token =
          Tokens.signRaw(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KID).build(),
              new MACSigner(secret),
              claims().build().toString());

      assertRefused(token, JwtReason.ALGORITHM);
    }
  }

  @Test
  void anAlgorithmOutsideTheAllowListIsRefusedEvenWithAGoodSignature() {
    for (JWSAlgorithm alg : List.of(JWSAlgorithm.PS256, JWSAlgorithm.RS512)) {
      String token =
          Tokens.sign(
              new JWSHeader.Builder(alg).keyID(KID).build(), TestKeys.RSA, claims().build());

      assertRefused(token, JwtReason.ALGORITHM);
    }
  }

  @Test
  void anAllowedAlgorithmThatDoesNotFitTheKeysTypeIsRefused() {
    String es256OnRsaKid =
        Tokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KID).build(),
            TestKeys.EC,
            claims().build());
    String rs256OnEcKid =
        Tokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestKeys.EC.getKeyID()).build(),
            TestKeys.RSA,
            claims().build());

    assertRefused(es256OnRsaKid, JwtReason.ALGORITHM);
    assertRefused(rs256OnEcKid, JwtReason.ALGORITHM);
  }

  @Test
  void anAlgorithmOtherThanTheOneTheJwkDeclaresIsRefused() {
    server.publish(new RSAKey.Builder(TestKeys.RSA).algorithm(JWSAlgorithm.RS256).build());
    resolver = resolver(env(server, "PORTCULLIS_JWT_ALGORITHMS", "RS256,RS384"), clock);
    String token =
        Tokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(KID).build(),
            TestKeys.RSA,
            claims().build());

    assertRefused(token, JwtReason.ALGORITHM);
  }

  @Test
  void anRsaKeyShorterThan2048BitsInTheJwksIsNeverTrusted() throws JOSEException {
    RSAKey weak = new RSAKeyGenerator(1024, true).keyID("weak-1").generate();
    server.publish(TestKeys.RSA, weak);
    String token =
        Tokens.signRaw(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("weak-1").build(),
            new RSASSASigner(weak.toPrivateKey(), Set.of(AllowWeakRSAKey.getInstance())),
            claims().build().toString());

    assertRefused(token, JwtReason.ALGORITHM);
  }

  @Test
  void anUnknownKidIsRefused() {
    assertRefused(withKid("no-such-key"), JwtReason.UNKNOWN_KID);
  }

  @Test
  void pathAndSqlLookingKidsAreOnlyMapKeysAndNeverReachAUrl() {
    assertRefused(withKid("../../etc/passwd"), JwtReason.UNKNOWN_KID);
    assertRefused(withKid("' OR 1=1--"), JwtReason.UNKNOWN_KID);

    assertThat(server.paths()).isNotEmpty().allMatch("/jwks.json"::equals);
  }

  @Test
  void aTokenWithoutKidIsRefused() {
    String token =
        Tokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.RS256).build(), TestKeys.RSA, claims().build());

    assertRefused(token, JwtReason.NO_KID);
  }

  @Test
  void aJkuHeaderPointingAtTheAttackersJwksIsNeverFetched() {
    String ownKid =
        Tokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(TestKeys.ATTACKER_RSA.getKeyID())
                .jwkURL(attacker.url())
                .build(),
            TestKeys.ATTACKER_RSA,
            claims().build());
    String borrowedKid =
        Tokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KID).jwkURL(attacker.url()).build(),
            TestKeys.ATTACKER_RSA,
            claims().build());

    assertRefused(ownKid, JwtReason.UNKNOWN_KID);
    assertRefused(borrowedKid, JwtReason.SIGNATURE);
    assertThat(attacker.requests()).isZero();
  }

  @Test
  void anX5uHeaderPointingAtTheAttackerIsNeverFetched() {
    String token =
        Tokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(KID)
                .x509CertURL(attacker.url())
                .build(),
            TestKeys.ATTACKER_RSA,
            claims().build());

    assertRefused(token, JwtReason.SIGNATURE);
    assertThat(attacker.requests()).isZero();
  }

  @Test
  void anEmbeddedJwkOrX5cHeaderIsNeverTrusted() {
    String ownKid =
        Tokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(TestKeys.ATTACKER_RSA.getKeyID())
                .jwk(TestKeys.ATTACKER_RSA.toPublicJWK())
                .build(),
            TestKeys.ATTACKER_RSA,
            claims().build());
    String borrowedKid =
        Tokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(KID)
                .jwk(TestKeys.ATTACKER_RSA.toPublicJWK())
                .x509CertChain(List.of(Base64.encode("attacker certificate")))
                .build(),
            TestKeys.ATTACKER_RSA,
            claims().build());

    assertRefused(ownKid, JwtReason.UNKNOWN_KID);
    assertRefused(borrowedKid, JwtReason.SIGNATURE);
  }

  @Test
  void aSignatureValidForAnotherConfiguredIssuersKeyIsRefused() {
    try (JwksServer other = JwksServer.serving(TestKeys.OTHER_ISSUER_RSA)) {
      resolver =
          resolver(
              env(
                  server,
                  "PORTCULLIS_JWT_ISSUER",
                  Tokens.ISSUER + ",https://other.example.com",
                  "PORTCULLIS_JWT_JWKS_URL",
                  server.url() + "," + other.url()),
              clock);
      String othersKid = Tokens.sign(TestKeys.OTHER_ISSUER_RSA, claims().build());
      String collidingKid =
          Tokens.sign(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KID).build(),
              TestKeys.OTHER_ISSUER_RSA,
              claims().build());

      assertRefused(othersKid, JwtReason.UNKNOWN_KID);
      assertRefused(collidingKid, JwtReason.SIGNATURE);
      assertThat(other.requests()).isZero();
    }
  }

  @Test
  void aPsychicEcdsaSignatureOfZerosIsRefused() {
    String[] valid = Tokens.segments(Tokens.sign(TestKeys.EC, claims().build()));
    String token = valid[0] + "." + valid[1] + "." + Base64URL.encode(new byte[64]);

    assertRefused(token, JwtReason.SIGNATURE);
  }

  @Test
  void aTamperedPayloadUnderTheOriginalSignatureIsRefused() {
    String[] valid = Tokens.segments(valid());
    String escalated = payload(claims().claim("roles", List.of("admin")).build());

    assertRefused(valid[0] + "." + escalated + "." + valid[2], JwtReason.SIGNATURE);
  }

  @Test
  void aStrippedSignatureIsRefused() {
    String[] valid = Tokens.segments(valid());

    assertRefused(valid[0] + "." + valid[1] + ".", JwtReason.MALFORMED);
  }

  @Test
  void aNonCanonicalSpellingOfAValidSignatureIsRefused() {
    String token = valid();
    char last = token.charAt(token.length() - 1);
    String respelled = token.substring(0, token.length() - 1) + (char) (last + 1);

    assertRefused(respelled, JwtReason.MALFORMED);
  }

  @Test
  void aCriticalHeaderExtensionIsRefused() {
    String token =
        Tokens.sign(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(KID)
                .customParam("urn:example:policy", "strict")
                .criticalParams(Set.of("urn:example:policy"))
                .build(),
            TestKeys.RSA,
            claims().build());

    assertRefused(token, JwtReason.HEADER);
  }

  @Test
  void anExpiredTokenIsExpired() {
    String token =
        Tokens.sign(TestKeys.RSA, claims().expirationTime(Date.from(NOW.minusSeconds(1))).build());

    assertRefused(token, new Resolution.Expired());
  }

  @Test
  void aTokenExpiringThisVerySecondIsExpiredEvenWithALeeway() {
    resolver = resolver(env(server, "PORTCULLIS_JWT_LEEWAY_SECONDS", "60"), clock);
    String token = Tokens.sign(TestKeys.RSA, claims().expirationTime(Date.from(NOW)).build());

    assertRefused(token, new Resolution.Expired());
  }

  @Test
  void aNotBeforeInTheFutureIsRefused() {
    String token =
        Tokens.sign(TestKeys.RSA, claims().notBeforeTime(Date.from(NOW.plusSeconds(1))).build());

    assertRefused(token, JwtReason.NOT_YET_VALID);
  }

  @Test
  void anIssuedAtInTheFutureBeyondTheLeewayIsRefused() {
    resolver = resolver(env(server, "PORTCULLIS_JWT_LEEWAY_SECONDS", "30"), clock);
    String token =
        Tokens.sign(TestKeys.RSA, claims().issueTime(Date.from(NOW.plusSeconds(31))).build());

    assertRefused(token, JwtReason.ISSUED_IN_FUTURE);
  }

  @Test
  void aTokenWithoutExpIsRefused() {
    assertRefused(
        Tokens.sign(TestKeys.RSA, claims().expirationTime(null).build()), JwtReason.NO_EXP);
  }

  @Test
  void anExpThatIsNotANumberIsRefused() {
    String payload =
        claims().build().toString().replaceFirst("\"exp\":\\d+", "\"exp\":\"1893456000\"");

    assertRefused(signRaw(payload), JwtReason.MALFORMED);
  }

  @Test
  void theWrongIssuerIsRefused() {
    assertRefused(
        Tokens.sign(TestKeys.RSA, claims().issuer("https://evil.example.com").build()),
        JwtReason.ISSUER);
  }

  @Test
  void anIssuerThatDiffersOnlyByATrailingSlashIsRefused() {
    assertRefused(
        Tokens.sign(TestKeys.RSA, claims().issuer(Tokens.ISSUER + "/").build()), JwtReason.ISSUER);
  }

  @Test
  void aTokenWithoutIssuerIsRefused() {
    assertRefused(Tokens.sign(TestKeys.RSA, claims().issuer(null).build()), JwtReason.ISSUER);
  }

  @Test
  void theWrongAudienceIsRefused() {
    assertRefused(
        Tokens.sign(TestKeys.RSA, claims().audience("billing-api").build()), JwtReason.AUDIENCE);
  }

  @Test
  void anAudienceArrayWithoutOurAudienceIsRefused() {
    String token =
        Tokens.sign(
            TestKeys.RSA, claims().audience(List.of("billing-api", "orders-api-v2")).build());

    assertRefused(token, JwtReason.AUDIENCE);
  }

  @Test
  void aTokenWithoutAudienceIsRefused() {
    assertRefused(
        Tokens.sign(TestKeys.RSA, claims().audience((String) null).build()), JwtReason.AUDIENCE);
  }

  @Test
  void aTokenUseOtherThanTheConfiguredOneIsRefused() {
    resolver = resolver(env(server, "PORTCULLIS_JWT_TOKEN_USE", "access"), clock);

    assertRefused(
        Tokens.sign(TestKeys.RSA, claims().claim("token_use", "id").build()), JwtReason.TOKEN_USE);
    assertRefused(Tokens.sign(TestKeys.RSA, claims().build()), JwtReason.TOKEN_USE);
  }

  @Test
  void aMissingOrUnusablePrincipalIsRefused() {
    assertRefused(Tokens.sign(TestKeys.RSA, claims().subject(null).build()), JwtReason.PRINCIPAL);
    assertRefused(
        Tokens.sign(TestKeys.RSA, claims().subject("alice smith").build()), JwtReason.PRINCIPAL);
    assertRefused(
        Tokens.sign(TestKeys.RSA, claims().subject("a".repeat(129)).build()), JwtReason.PRINCIPAL);
  }

  @Test
  void duplicateClaimNamesAreRefused() {
    String payload = claims().build().toString().replaceFirst("\\{", "{\"iss\":\"https://evil\",");

    assertRefused(signRaw(payload), JwtReason.MALFORMED);
  }

  @Test
  void aPayloadThatIsNotJsonIsRefused() {
    assertRefused(signRaw("hello"), JwtReason.MALFORMED);
  }

  @Test
  void aHeaderThatIsNotJsonIsRefused() {
    String[] valid = Tokens.segments(valid());

    assertRefused(
        Tokens.b64("{\"alg\":\"RS256\",") + "." + valid[1] + "." + valid[2], JwtReason.MALFORMED);
    assertRefused(Tokens.b64("not json") + "." + valid[1] + "." + valid[2], JwtReason.MALFORMED);
  }

  @Test
  void twoFourAndFiveSegmentsAreRefused() {
    String[] valid = Tokens.segments(valid());

    assertRefused(valid[0] + "." + valid[1], JwtReason.MALFORMED);
    assertRefused(valid() + ".AAAA", JwtReason.MALFORMED);
    assertRefused(valid() + ".AAAA.AAAA", JwtReason.MALFORMED);
    assertRefused(valid[0] + ".." + valid[2], JwtReason.MALFORMED);
  }

  @Test
  void charactersOutsideBase64UrlAreRefused() {
    String token = valid();
    int inPayload = token.indexOf('.') + 5;

    for (char c : new char[] {'+', '/', '=', '!', '%', '~'}) {
      String bad = token.substring(0, inPayload) + c + token.substring(inPayload + 1);
      assertRefused(bad, JwtReason.MALFORMED);
    }
  }

  @Test
  void a16KbTokenIsNoCredentialAndTheResolverRefusesItToo() {
    String token = Tokens.sign(TestKeys.RSA, claims().claim("padding", "x".repeat(16_384)).build());

    assertThat(token.length()).isGreaterThan(16_384);
    assertThat(Credential.parse(token)).isEmpty();
    assertThat(resolver.verify(token)).isEqualTo(new Resolution.Invalid(JwtReason.MALFORMED));
  }

  @Test
  void everySingleCharacterChangeToAValidTokenIsRefused() {
    String token = valid();
    assertThat(resolver.resolve(Fixture.credential(token))).isInstanceOf(Resolution.Resolved.class);
    List<String> resolvedMutations = new ArrayList<>();

    for (int i = 0; i < token.length(); i++) {
      for (char replacement : new char[] {'A', 'B', '.', '_'}) {
        if (token.charAt(i) == replacement) {
          continue;
        }
        String mutated = token.substring(0, i) + replacement + token.substring(i + 1);
        if (!(resolve(mutated) instanceof Resolution.Invalid)) {
          resolvedMutations.add(i + ":" + replacement);
        }
      }
    }

    assertThat(resolvedMutations).isEmpty();
  }

  // --- helpers

  private static JWTClaimsSet.Builder claims() {
    return Tokens.claims(NOW);
  }

  private static String valid() {
    return Tokens.sign(TestKeys.RSA, claims().claim("roles", List.of("reader")).build());
  }

  private static String withKid(String kid) {
    return Tokens.sign(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
        TestKeys.RSA,
        claims().build());
  }

  private static String signRaw(String payloadJson) {
    return Tokens.signRaw(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KID).build(),
        Tokens.signer(TestKeys.RSA),
        payloadJson);
  }

  private static String payload(JWTClaimsSet claims) {
    return Tokens.b64(claims.toString());
  }

  /** Through the port when the text is a credential, else straight to the checks. */
  private Resolution resolve(String token) {
    Optional<Credential> credential = Credential.parse(token);
    return credential.isPresent() ? resolver.resolve(credential.get()) : resolver.verify(token);
  }

  private void assertRefused(String token, String reason) {
    assertRefused(token, new Resolution.Invalid(reason));
  }

  private void assertRefused(String token, Resolution expected) {
    Resolution resolution = resolve(token);

    assertThat(resolution).isEqualTo(expected).isNotInstanceOf(Resolution.Resolved.class);
    assertThat(resolution.reason()).doesNotContain(token).hasSizeLessThan(24);
  }
}
