package dev.portcullis.adapters.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code check}'s JWKS probe against a loopback endpoint. */
class JwksProbeTest {

  @Test
  void aJwksWithAKeyForEveryAlgorithmHasNoProblem() {
    try (JwksServer server = JwksServer.serving(TestKeys.RSA, TestKeys.EC)) {
      assertThat(probe(server, "RS256,ES256").problems()).isEmpty();
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void anAlgorithmWithoutAKeyIsNamed() {
    try (JwksServer server = JwksServer.serving(TestKeys.RSA)) {
      assertThat(probe(server, "RS256,ES256").problems())
          .singleElement()
          .asString()
          .contains("JWKS of issuer " + Tokens.ISSUER)
          .contains("holds no key for ES256 (it has 1 signing keys with a kid)")
          .endsWith("check PORTCULLIS_JWT_ALGORITHMS");
    }
  }

  @Test
  void anEndpointThatFailsOrServesSomethingElseIsAProblem() {
    try (JwksServer server = JwksServer.serving(TestKeys.RSA)) {
      server.answer(JwksServer.Mode.FAIL_503);
      assertThat(probe(server, "RS256").problems())
          .singleElement()
          .asString()
          .contains("cannot be fetched");

      server.answer(JwksServer.Mode.NOT_JSON);
      assertThat(probe(server, "RS256").problems())
          .singleElement()
          .asString()
          .contains("is not a JWKS document");
    }
  }

  @Test
  void aSavedJwksIsJudgedBeforeItIsTrusted() {
    assertThat(JwksDocument.problem("{\"keys\": []}")).contains("holds no signing key with a kid");
    assertThat(JwksDocument.problem("<html>"))
        .contains("is not a JWKS document ({\"keys\": [...]})");
    assertThat(JwksDocument.problem(new com.nimbusds.jose.jwk.JWKSet(TestKeys.RSA).toString(false)))
        .contains("holds private or symmetric key material");
    assertThat(
            JwksDocument.problem(
                new com.nimbusds.jose.jwk.JWKSet(TestKeys.RSA).toPublicJWKSet().toString()))
        .isEmpty();
  }

  private static JwksProbe probe(JwksServer server, String algorithms) {
    return JwksProbe.of(
        Fixture.settings(Fixture.env(server, "PORTCULLIS_JWT_ALGORITHMS", algorithms)));
  }
}
