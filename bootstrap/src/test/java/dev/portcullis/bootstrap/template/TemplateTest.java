package dev.portcullis.bootstrap.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code template.yaml} passes every check at once; each check's own test proves, on a copy broken
 * on purpose, that it bites.
 */
class TemplateTest {

  @Test
  void the_repository_template_passes_every_check() {
    assertThat(TemplateChecks.all(Template.repository())).isEmpty();
  }
}
