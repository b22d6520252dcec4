package dev.portcullis.bootstrap.cli;

import java.util.List;
import java.util.Optional;

/**
 * What {@code check} found: problems, which fail start-up (exit 2), warnings, which do not (exit
 * 0), and the configuration read, secrets left out, when it could be read.
 */
record CheckReport(
    List<String> problems, List<String> warnings, Optional<ConfigurationSummary> configuration) {

  CheckReport {
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  boolean valid() {
    return problems.isEmpty();
  }
}
