package dev.portcullis.bootstrap.config;

import java.util.List;

/** The configuration cannot be used: the message names every problem and how to fix it. */
public final class ConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigurationException(List<String> problems) {
    super(message(problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String message(List<String> problems) {
    StringBuilder text =
        new StringBuilder("Portcullis configuration is invalid (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems")
            .append("); see docs/configuration.md:");
    for (String problem : problems) {
      text.append("\n  - ").append(problem);
    }
    return text.toString();
  }
}
