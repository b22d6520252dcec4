package dev.portcullis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The event the inspector keeps shows where credentials were, never what they were. */
class TokenMaskTest {

  private static final String TOKEN = "pcs_demo_reader_000000000000000000000000000000000";

  private static ObjectNode event(String json) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(json);
  }

  @Test
  void aBearerCredentialKeepsItsSchemeAndBlanksAndLosesItsValue() throws Exception {
    ObjectNode masked =
        TokenMask.of(event("{\"authorizationToken\":\"Bearer  " + TOKEN + "\"}")).event();

    assertThat(masked.get("authorizationToken").textValue())
        .isEqualTo("Bearer  [masked, " + TOKEN.length() + " characters]");
  }

  @Test
  void cookiesKeepTheirNamesAndLoseTheirValues() throws Exception {
    ObjectNode masked =
        TokenMask.of(
                event(
                    "{\"headers\":{\"Cookie\":\"session="
                        + TOKEN
                        + "; theme=dark\"},\"cookies\":[\"session="
                        + TOKEN
                        + "\"]}"))
            .event();

    assertThat(masked.at("/headers/Cookie").textValue())
        .isEqualTo("session=[masked, 49 characters]; theme=[masked, 4 characters]");
    assertThat(masked.at("/cookies/0").textValue()).isEqualTo("session=[masked, 49 characters]");
  }

  @Test
  void headersOutsideTheShownListAndEveryQueryValueAreMasked() throws Exception {
    ObjectNode masked =
        TokenMask.of(
                event(
                    "{\"headers\":{\"X-Api-Key\":\""
                        + TOKEN
                        + "\",\"Accept\":\"text/html\"},"
                        + "\"multiValueHeaders\":{\"X-Api-Key\":[\""
                        + TOKEN
                        + "\"]},"
                        + "\"queryStringParameters\":{\"access_token\":\""
                        + TOKEN
                        + "\"},\"rawQueryString\":\"access_token="
                        + TOKEN
                        + "&page=2\",\"identitySource\":[\""
                        + TOKEN
                        + "\"]}"))
            .event();

    assertThat(masked.at("/headers/Accept").textValue()).isEqualTo("text/html");
    assertThat(masked.toString()).doesNotContain(TOKEN.substring(20, 32)).contains("page=[masked");
    assertThat(masked.at("/headers/X-Api-Key").textValue()).startsWith("[masked");
  }

  @Test
  void aShownValueThatRepeatsAMaskedOneIsMaskedWhole() throws Exception {
    ObjectNode masked =
        TokenMask.of(
                event(
                    "{\"headers\":{\"Authorization\":\"Bearer "
                        + TOKEN
                        + "\",\"User-Agent\":\"curl "
                        + TOKEN
                        + "\"},\"requestContext\":{\"identity\":{\"userAgent\":\"curl "
                        + TOKEN
                        + "\"}}}"))
            .event();

    assertThat(masked.toString()).doesNotContain(TOKEN);
    assertThat(masked.at("/requestContext/identity/userAgent").textValue()).startsWith("[masked");
  }

  @Test
  void anEmptyValueStaysEmptyBecauseThatIsAReasonWorthSeeing() throws Exception {
    ObjectNode masked = TokenMask.of(event("{\"headers\":{\"Authorization\":\"\"}}")).event();

    assertThat(masked.at("/headers/Authorization").textValue()).isEmpty();
  }
}
