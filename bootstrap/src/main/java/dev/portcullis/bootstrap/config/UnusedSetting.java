package dev.portcullis.bootstrap.config;

/**
 * A variable set for a backend that {@code PORTCULLIS_BACKENDS} does not name: it changes nothing,
 * which is a warning where the process can still serve, and an error where a command would act on
 * the wrong store.
 */
public record UnusedSetting(String variable, Backend backend) {

  /** What is wrong and the two ways to fix it. */
  public String message() {
    return variable
        + " is set, but PORTCULLIS_BACKENDS does not name "
        + backend.configName()
        + ", so it is ignored: add "
        + backend.configName()
        + " to PORTCULLIS_BACKENDS (e.g. PORTCULLIS_BACKENDS="
        + backend.configName()
        + "), or unset "
        + variable;
  }
}
