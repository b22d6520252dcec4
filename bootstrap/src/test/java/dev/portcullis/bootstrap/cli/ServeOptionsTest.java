package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.gateway.ApiCoordinates;
import dev.portcullis.gateway.ApiKind;
import dev.portcullis.gateway.GatewaySettings;
import dev.portcullis.gateway.IdentitySource;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The options of serve: API Gateway's defaults and limits, every problem reported at once. */
class ServeOptionsTest {

  @Test
  void the_defaults_are_a_rest_token_api_of_the_demo_world_on_loopback() {
    GatewaySettings settings = ServeOptions.fromOptions(Map.of(), Set.of()).gateway();

    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.kind()).isEqualTo(ApiKind.REST_TOKEN);
    assertThat(settings.cacheTtlSeconds()).isEqualTo(300);
    assertThat(settings.identitySources())
        .extracting(IdentitySource::expression)
        .containsExactly("method.request.header.Authorization");
    assertThat(settings.api()).isEqualTo(ApiCoordinates.DEMO);
    assertThat(settings.upstream()).isEmpty();
  }

  @Test
  void every_problem_is_reported_at_once() {
    assertThatThrownBy(
            () ->
                ServeOptions.fromOptions(
                    Map.of(
                        "kind", "websocket",
                        "cache-ttl", "60",
                        "port", "70000",
                        "upstream", "ftp://example",
                        "region", "moon-1"),
                    Set.of("naive")))
        .hasMessageContaining("--cache-ttl must be 0 for websocket")
        .hasMessageContaining("--port '70000'")
        .hasMessageContaining("--upstream 'ftp://example'")
        .hasMessageContaining("--region 'moon-1'")
        .hasMessageContaining("--naive");
  }

  @Test
  void the_ttl_stops_at_api_gateways_maximum() {
    assertThatThrownBy(() -> ServeOptions.fromOptions(Map.of("cache-ttl", "3601"), Set.of()))
        .hasMessageContaining("from 0 to 3600");
  }

  @Test
  void caching_needs_an_identity_source() {
    assertThatThrownBy(
            () ->
                ServeOptions.fromOptions(
                    Map.of("kind", "http-2.0", "identity-source", ""), Set.of()))
        .hasMessageContaining("caching needs at least one identity source");
    assertThat(
            ServeOptions.fromOptions(
                    Map.of("kind", "http-2.0", "identity-source", "", "cache-ttl", "0"), Set.of())
                .gateway()
                .identitySources())
        .isEmpty();
  }

  @Test
  void an_unknown_kind_lists_the_kinds() {
    assertThatThrownBy(() -> ServeOptions.fromOptions(Map.of("kind", "soap"), Set.of()))
        .hasMessageContaining("rest-token, rest-request, http-1.0, http-2.0, websocket");
  }

  @Test
  void the_demo_and_the_decision_log_are_the_commands_and_naive_is_the_gateways() {
    ServeOptions options =
        ServeOptions.fromOptions(Map.of(), Set.of("demo", "naive", "decision-log"));

    assertThat(options.demo()).isTrue();
    assertThat(options.decisionLog()).isTrue();
    assertThat(options.gateway().naive()).isTrue();
    assertThat(ServeOptions.fromOptions(Map.of(), Set.of()).demo()).isFalse();
  }
}
