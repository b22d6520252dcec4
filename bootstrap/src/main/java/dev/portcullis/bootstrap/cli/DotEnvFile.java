package dev.portcullis.bootstrap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dotenv file: {@code KEY=VALUE} lines, an optional {@code export } before the key, blank
 * lines and {@code #} comments. A value may be double-quoted (with {@code \n}, {@code \"} and
 * {@code \\} escapes), single-quoted (taken as it is), or bare, where a {@code #} after a blank
 * starts a comment. A malformed line is named by its number, never by its content, which may hold a
 * secret.
 */
final class DotEnvFile {

  private static final Pattern LINE =
      Pattern.compile("\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*?)\\s*");

  private DotEnvFile() {}

  static Map<String, String> read(Path file) throws IOException {
    return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /** The variables of {@code lines}, in order; a later line wins over an earlier one. */
  static Map<String, String> parse(String name, List<String> lines) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      String value = m.matches() ? value(m.group(2)) : null;
      if (value == null) {
        throw new UsageException(
            "--env-file "
                + name
                + " line "
                + (i + 1)
                + " is not KEY=VALUE (a name of letters, digits and _, then =, then the value)");
      }
      variables.put(m.group(1), value);
    }
    return variables;
  }

  /** The value of a line's right-hand side, or null when its quotes do not close. */
  private static String value(String raw) {
    if (raw.startsWith("\"")) {
      StringBuilder value = new StringBuilder();
      for (int i = 1; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '"') {
          return rest(raw.substring(i + 1)) ? value.toString() : null;
        }
        if (c == '\\' && i + 1 < raw.length()) {
          char next = raw.charAt(++i);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
      }
      return null;
    }
    if (raw.startsWith("'")) {
      int end = raw.indexOf('\'', 1);
      return end > 0 && rest(raw.substring(end + 1)) ? raw.substring(1, end) : null;
    }
    int comment = raw.indexOf(" #");
    return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
  }

  /** After a closing quote, only blanks and a comment may follow. */
  private static boolean rest(String after) {
    String rest = after.strip();
    return rest.isEmpty() || rest.startsWith("#");
  }
}
