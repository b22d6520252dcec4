package dev.portcullis.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.service.ContextBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests the character classes against the regular expressions that define them, in every form the
 * product uses them: principals, API keys and seed roles; rule roles; context keys; grant paths;
 * header and cookie names; query parameter names.
 */
class AsciiTest {

  /** Principals, API keys, seed-file roles: the regex the domain and the seed file used. */
  private static final Pattern ORACLE = Pattern.compile("[\\x21-\\x7E]{1,128}");

  /** Each other form the product checks, with the regex that defines it. */
  private static final Map<Pattern, Predicate<String>> FORMS =
      Map.of(
          Pattern.compile("[\\x21-\\x7E&&[^,]]{1,128}"),
          text -> Ascii.isVisible(text, 128) && !text.contains(","),
          Pattern.compile("[A-Za-z0-9_.:-]{1,64}"),
          text ->
              ContextBuilder.acceptsAttribute(text, "")
                  || ContextBuilder.RESERVED_KEYS.contains(text),
          Pattern.compile("/[/.a-zA-Z0-9_*-]*"),
          Ascii::isPolicyPath,
          Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+"),
          Ascii::isToken,
          Pattern.compile("[\\x21-\\x7E&&[^&=#,]]+"),
          Ascii::isQueryName);

  private static boolean check(String text) {
    return Ascii.isVisible(text, 128);
  }

  @Test
  void every_other_form_judges_generated_strings_as_its_regex_judges_them() {
    Random random = new Random(20261202L);
    List<String> wrong = new ArrayList<>();
    Map<Pattern, Integer> accepted = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      // Arrange: visible ASCII with the characters these forms care about made common.
      String text = (random.nextBoolean() ? "/" : "") + generate(random).replace('!', ',');

      for (Map.Entry<Pattern, Predicate<String>> form : FORMS.entrySet()) {
        // Act
        boolean check = form.getValue().test(text);

        // Assert (below)
        if (check != form.getKey().matcher(text).matches()) {
          wrong.add(form.getKey() + " " + escaped(text));
        }
        accepted.merge(form.getKey(), check ? 1 : 0, Integer::sum);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(accepted.values()).allSatisfy(n -> assertThat(n).isBetween(500, 49_500));
  }

  @Test
  void generated_strings_are_judged_as_the_regex_judges_them() {
    Random random = new Random(20261125L);
    List<String> wrong = new ArrayList<>();
    int accepted = 0;
    for (int i = 0; i < 100_000; i++) {
      // Arrange
      String text = generate(random);

      // Act
      boolean check = check(text);

      // Assert (below)
      if (check != ORACLE.matcher(text).matches()) {
        wrong.add(escaped(text));
      }
      accepted += check ? 1 : 0;
    }
    assertThat(wrong).isEmpty();
    assertThat(accepted).isBetween(5_000, 95_000);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        " ",
        "alice",
        "a b",
        "a\tb",
        "\u0000",
        "\u007f",
        "!~",
        "caf\u00e9",
        "\u212a",
        "\ud83d\ude00",
        "\ud83d",
        "\ude00x",
        "a\n",
        "\n",
      })
  void edge_cases_are_judged_as_the_regex_judges_them(String text) {
    // Act
    boolean check = check(text);

    // Assert
    assertThat(check).isEqualTo(ORACLE.matcher(text).matches());
  }

  @Test
  void the_length_limit_is_the_regex_limit() {
    for (int length = 0; length <= 260; length++) {
      // Arrange
      String text = "x".repeat(length);

      // Act
      boolean check = check(text);

      // Assert
      assertThat(check).as("length %d", length).isEqualTo(ORACLE.matcher(text).matches());
      assertThat(check).isEqualTo(length >= 1 && length <= 128);
    }
  }

  @Test
  void ascii_case_is_ignored_and_unicode_case_folding_is_not() {
    assertThat(Ascii.equalsIgnoreCase("Authorization", "aUTHORIZATION")).isTrue();
    assertThat(Ascii.equalsIgnoreCase("x-api-key", "X-API-\u212aEY")).isFalse();
    assertThat(Ascii.equalsIgnoreCase("Cookie", "Cookies")).isFalse();
    assertThat(Ascii.regionMatchesIgnoreCase("bearer abc", 0, "Bearer")).isTrue();
    assertThat(Ascii.regionMatchesIgnoreCase("Bear", 0, "Bearer")).isFalse();
    assertThat(Ascii.regionMatchesIgnoreCase("Bearer", -1, "Bearer")).isFalse();
  }

  /** Mostly visible ASCII, with blanks, controls, DEL, Latin-1, look-alikes and surrogates. */
  private static String generate(Random random) {
    int[] lengths = {0, 1, 2, 5, 20, 127, 128, 129, 200};
    int length =
        random.nextBoolean() ? lengths[random.nextInt(lengths.length)] : random.nextInt(140);
    boolean clean = random.nextInt(3) > 0;
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      if (clean && random.nextInt(200) > 0) {
        text.append((char) (0x21 + random.nextInt(0x7E - 0x21 + 1)));
        continue;
      }
      text.append(
          switch (random.nextInt(6)) {
            case 0 -> (char) random.nextInt(0x21);
            case 1 -> (char) 0x7F;
            case 2 -> (char) (0x80 + random.nextInt(0x80));
            case 3 -> '\u212a';
            case 4 -> random.nextBoolean() ? '\ud83d' : '\ude00';
            default -> (char) (0x21 + random.nextInt(0x7E - 0x21 + 1));
          });
    }
    return text.toString();
  }

  private static String escaped(String text) {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      shown.append(c >= 0x21 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return shown.toString();
  }
}
