package dev.portcullis.adapters.lambda;

import static dev.portcullis.adapters.lambda.TokenSource.Kind.COOKIE;
import static dev.portcullis.adapters.lambda.TokenSource.Kind.HEADER;
import static dev.portcullis.adapters.lambda.TokenSource.Kind.QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Token sources and the HTTP response mode parse from their configuration text, or say why not. */
class SettingsTest {

  @Test
  void aListOfSourcesParsesInOrder() {
    List<TokenSource> sources =
        TokenSource.parseList("header:Authorization, cookie:session ,query:access_token");

    assertThat(sources)
        .containsExactly(
            new TokenSource(HEADER, "Authorization"),
            new TokenSource(COOKIE, "session"),
            new TokenSource(QUERY, "access_token"));
  }

  @Test
  void kindsIgnoreCaseAndNamesKeepIt() {
    assertThat(TokenSource.parseList("HEADER:X-Api-Key"))
        .containsExactly(new TokenSource(HEADER, "X-Api-Key"));
  }

  @Test
  void everyBadEntryIsNamedInOneErrorWithTheAllowedForms() {
    assertThatThrownBy(
            () ->
                TokenSource.parseList(
                    "header:Authorization,bearer,form:token,cookie:,header:Authorization,query:a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bearer' has no kind")
        .hasMessageContaining("'form:token' has unknown kind 'form'")
        .hasMessageContaining("'cookie:' has no name")
        .hasMessageContaining("'header:Authorization' repeats an earlier entry")
        .hasMessageContaining("'query:a b' has a name with a character")
        .hasMessageContaining("header:NAME, cookie:NAME or query:NAME");
  }

  @Test
  void headerNamesRepeatIgnoringCaseButCookieAndQueryNamesDoNot() {
    assertThatThrownBy(() -> TokenSource.parseList("header:Authorization,header:authorization"))
        .hasMessageContaining("'header:authorization' repeats an earlier entry");
    assertThat(TokenSource.parseList("cookie:sid,cookie:SID,query:t,query:T")).hasSize(4);
  }

  @Test
  void sixteenSourcesAreReadAndASeventeenthIsRefused() {
    StringBuilder spec = new StringBuilder("query:q0");
    for (int i = 1; i < TokenSource.MAX_SOURCES; i++) {
      spec.append(",query:q").append(i);
    }
    assertThat(TokenSource.parseList(spec.toString())).hasSize(16);

    assertThatThrownBy(() -> TokenSource.parseList(spec + ",cookie:one-too-many"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("17 sources given, at most 16 are read");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", ",", "header:Authorization,"})
  void emptyListsAndEmptyEntriesAreRefused(String spec) {
    assertThatThrownBy(() -> TokenSource.parseList(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header:NAME, cookie:NAME or query:NAME");
  }

  @Test
  void headerNamesMustBeHttpTokens() {
    assertThatThrownBy(() -> new TokenSource(HEADER, "Author ization"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not allowed in an HTTP token");
  }

  @Test
  void theDefaultsReadTheAuthorizationHeaderAndAnswerWithIamPolicies() {
    AdapterSettings defaults = AdapterSettings.defaults();

    assertThat(defaults.tokenSources()).containsExactly(new TokenSource(HEADER, "Authorization"));
    assertThat(defaults.httpResponseMode()).isEqualTo(HttpResponseMode.IAM);
  }

  @Test
  void settingsRefuseNoSourcesAndRepeatedSources() {
    TokenSource header = new TokenSource(HEADER, "Authorization");

    assertThatThrownBy(() -> new AdapterSettings(List.of(), HttpResponseMode.IAM))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AdapterSettings(List.of(header, header), HttpResponseMode.IAM))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theHttpResponseModeParsesIgnoringCase() {
    assertThat(HttpResponseMode.parse("iam")).isEqualTo(HttpResponseMode.IAM);
    assertThat(HttpResponseMode.parse(" Simple ")).isEqualTo(HttpResponseMode.SIMPLE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "boolean", "simple-response"})
  void anUnknownHttpResponseModeNamesTheVariableTheValueAndTheChoices(String value) {
    assertThatThrownBy(() -> HttpResponseMode.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PORTCULLIS_HTTP_RESPONSE must be 'iam' or 'simple', got '" + value + "'");
  }
}
