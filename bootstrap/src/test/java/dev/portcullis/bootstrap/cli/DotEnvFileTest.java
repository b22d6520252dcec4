package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DotEnvFileTest {

  @Test
  void keyValueLinesCommentsQuotesAndExportAreRead() {
    Map<String, String> variables =
        DotEnvFile.parse(
            "local.env",
            List.of(
                "# a comment",
                "",
                "PLAIN=value",
                "  SPACED = padded value  ",
                "export EXPORTED=yes",
                "DOUBLE=\"a # not a comment\\nsecond line\"",
                "SINGLE='{\"roles\": {}}' # a comment",
                "BARE=bare # a comment",
                "EMPTY=",
                "PLAIN=later wins"));

    assertThat(variables)
        .containsExactly(
            entry("PLAIN", "later wins"),
            entry("SPACED", "padded value"),
            entry("EXPORTED", "yes"),
            entry("DOUBLE", "a # not a comment\nsecond line"),
            entry("SINGLE", "{\"roles\": {}}"),
            entry("BARE", "bare"),
            entry("EMPTY", ""));
  }

  @Test
  void aMalformedLineIsNamedByItsNumberNeverByItsContent() {
    assertThatThrownBy(() -> DotEnvFile.parse("local.env", List.of("A=1", "secret-token-value")))
        .isInstanceOf(UsageException.class)
        .hasMessage(
            "--env-file local.env line 2 is not KEY=VALUE (a name of letters, digits and _, then"
                + " =, then the value)")
        .hasMessageNotContaining("secret");
  }

  @Test
  void anUnclosedQuoteIsMalformed() {
    assertThatThrownBy(() -> DotEnvFile.parse("local.env", List.of("A=\"open")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void theProcessEnvironmentWinsOverTheFile() {
    Map<String, String> process = Map.of("A", "process");

    assertThat(Environment.of(process, Optional.empty()).variables()).isEqualTo(process);
  }
}
