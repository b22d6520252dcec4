package dev.portcullis.benchmarks;

/** Compares JSON texts by their content, ignoring the whitespace between tokens. */
final class Json {

  private Json() {}

  /** The text with every whitespace character outside string literals removed. */
  static String compact(String json) {
    StringBuilder out = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < json.length()) {
          out.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (!Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
