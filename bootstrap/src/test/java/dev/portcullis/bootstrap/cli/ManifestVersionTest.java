package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

class ManifestVersionTest {

  @Test
  void theVersionAndCommitComeFromTheManifest() {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.putValue("Implementation-Version", "1.2.3");
    main.putValue("Portcullis-Commit", "0123456789ab");

    assertThat(ManifestVersion.describe(manifest))
        .isEqualTo("portcullis 1.2.3 (commit 0123456789ab)");
  }

  @Test
  void aBuildOutsideGitSaysUnknownRatherThanAPlaceholder() {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().putValue("Implementation-Version", "1.2.3");
    manifest.getMainAttributes().putValue("Portcullis-Commit", "${git.commit.id.abbrev}");

    assertThat(ManifestVersion.describe(manifest)).isEqualTo("portcullis 1.2.3 (commit unknown)");
    assertThat(ManifestVersion.describe(null)).isEqualTo("portcullis unknown (commit unknown)");
  }
}
