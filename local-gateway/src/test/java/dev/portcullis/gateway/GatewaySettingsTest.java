package dev.portcullis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** API Gateway's defaults for each kind of API. */
class GatewaySettingsTest {

  @Test
  void a_websocket_api_does_not_cache_by_default() {
    assertThat(GatewaySettings.defaults(ApiKind.WEBSOCKET).cacheTtlSeconds()).isZero();
  }

  @Test
  void the_defaults_listen_on_loopback_with_the_kinds_identity_source() {
    GatewaySettings settings = GatewaySettings.defaults(ApiKind.HTTP_V2);

    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.cacheTtlSeconds()).isEqualTo(300);
    assertThat(settings.identitySources())
        .extracting(IdentitySource::expression)
        .containsExactly("$request.header.Authorization");
    assertThat(settings.naive()).isFalse();
  }
}
