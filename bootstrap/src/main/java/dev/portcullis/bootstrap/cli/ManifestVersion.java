package dev.portcullis.bootstrap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the version and the git commit that {@code mvn package} wrote into the jar's
 * manifest; "unknown" for what a build outside git, or classes outside the jar, cannot tell.
 */
public final class ManifestVersion implements IVersionProvider {

  static final String TITLE = "Portcullis";

  @Override
  public String[] getVersion() throws IOException {
    return new String[] {describe(ownManifest())};
  }

  /** The version line a manifest gives, e.g. {@code portcullis 0.1.0 (commit 0123456789ab)}. */
  static String describe(Manifest manifest) {
    Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
    return "portcullis "
        + known(main.getValue("Implementation-Version"))
        + " (commit "
        + known(main.getValue("Portcullis-Commit"))
        + ")";
  }

  /** The manifest of the jar this class came from, among every manifest on the class path. */
  private static Manifest ownManifest() throws IOException {
    Enumeration<URL> manifests =
        ManifestVersion.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
    while (manifests.hasMoreElements()) {
      try (InputStream in = manifests.nextElement().openStream()) {
        Manifest manifest = new Manifest(in);
        if (TITLE.equals(manifest.getMainAttributes().getValue("Implementation-Title"))) {
          return manifest;
        }
      }
    }
    return null;
  }

  private static String known(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
  }
}
