package dev.portcullis.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Identity sources are written in API Gateway's own syntax for each kind of API. */
class IdentitySourceTest {

  @Test
  void rest_request_takes_headers_and_query_parameters() {
    List<IdentitySource> sources =
        IdentitySource.parseList(
            "method.request.header.Authorization, method.request.querystring.token",
            ApiKind.REST_REQUEST);

    assertThat(sources)
        .extracting(IdentitySource::type, IdentitySource::name)
        .containsExactly(
            tuple(IdentitySource.Type.HEADER, "Authorization"),
            tuple(IdentitySource.Type.QUERY_STRING, "token"));
  }

  @Test
  void a_token_authorizer_takes_exactly_one_header() {
    assertThatThrownBy(
            () -> IdentitySource.parseList("method.request.querystring.token", ApiKind.REST_TOKEN))
        .hasMessageContaining("method.request.header.NAME (one header)");
    assertThatThrownBy(
            () ->
                IdentitySource.parseList(
                    "method.request.header.A,method.request.header.B", ApiKind.REST_TOKEN))
        .hasMessageContaining("exactly one header");
  }

  @Test
  void http_apis_take_their_dollar_syntax_and_the_route_key() {
    List<IdentitySource> sources =
        IdentitySource.parseList(
            "$request.header.Authorization,$request.querystring.t,$context.routeKey",
            ApiKind.HTTP_V2);

    assertThat(sources)
        .extracting(IdentitySource::type)
        .containsExactly(
            IdentitySource.Type.HEADER,
            IdentitySource.Type.QUERY_STRING,
            IdentitySource.Type.ROUTE_KEY);
  }

  @Test
  void websocket_apis_take_the_route_request_syntax() {
    assertThat(
            IdentitySource.parseList("route.request.querystring.access_token", ApiKind.WEBSOCKET))
        .extracting(IdentitySource::name)
        .containsExactly("access_token");
  }

  @Test
  void another_kinds_syntax_is_refused_with_the_forms_that_work() {
    assertThatThrownBy(
            () -> IdentitySource.parseList("method.request.header.Authorization", ApiKind.HTTP_V1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'method.request.header.Authorization'")
        .hasMessageContaining("$request.header.NAME");
  }

  @Test
  void a_bad_header_name_and_a_repeated_source_are_both_reported() {
    assertThatThrownBy(
            () ->
                IdentitySource.parseList(
                    "$request.header.Bad Name,$request.header.A,$request.header.A",
                    ApiKind.HTTP_V2))
        .hasMessageContaining("'$request.header.Bad Name'")
        .hasMessageContaining("(given twice)");
  }

  @Test
  void rest_takes_the_last_value_and_http_apis_join_them_with_commas() {
    IncomingRequest request =
        new IncomingRequest(
            "GET",
            "/orders",
            QueryString.parse("t=1&t=2"),
            Map.of("X-Token", List.of("a", "b")),
            "127.0.0.1",
            "HTTP/1.1",
            "id",
            Instant.EPOCH);
    IdentitySource restHeader =
        IdentitySource.parseList("method.request.header.x-token", ApiKind.REST_REQUEST).get(0);
    IdentitySource httpQuery =
        IdentitySource.parseList("$request.querystring.t", ApiKind.HTTP_V2).get(0);

    assertThat(restHeader.valueIn(request, ApiKind.REST_REQUEST, "GET /orders")).isEqualTo("b");
    assertThat(httpQuery.valueIn(request, ApiKind.HTTP_V2, "GET /orders")).isEqualTo("1,2");
  }
}
