package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cause summaries of failures the real SDK client meets: a missing table on a real server, a
 * refused connection on loopback, and no credentials at all.
 */
class DynamoDbFailuresIT {

  @RegisterExtension static final LocalDynamoDb SERVER = LocalDynamoDb.chosen();

  private static final String TABLE = "portcullis-sessions";

  @Test
  void a_missing_table_is_summed_up_as_resource_not_found_with_the_table_and_region() {
    // Arrange
    String table = "missing-" + UUID.randomUUID();
    DynamoDbSessionStore store = new DynamoDbSessionStore(SERVER.client(), SERVER.settings(table));

    // Act
    BackendUnavailableException e =
        catchThrowableOfType(
            BackendUnavailableException.class,
            () -> store.find(Credential.parse("pcs_nothing").orElseThrow().fingerprint()));

    // Assert
    assertThat(e.causeSummary())
        .isEqualTo("ResourceNotFound: table " + table + " in " + LocalDynamoDb.REGION);
  }

  @Test
  void a_refused_connection_is_summed_up_as_connection_refused() throws IOException {
    // Arrange: a loopback port that nobody listens on any more.
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    // Act
    BackendUnavailableException e = findThrough(port, dummyKeys());

    // Assert
    assertThat(e.causeSummary())
        .isEqualTo("ConnectionRefused: GetItem on table " + TABLE + " in eu-west-1");
  }

  @Test
  void no_credentials_give_one_line_that_names_the_cause_and_the_fix(@TempDir Path dir)
      throws IOException {
    // Arrange: a chain, as the default one is, whose only provider reads an empty profile file.
    Path empty = Files.createFile(dir.resolve("credentials"));
    AwsCredentialsProvider nothing =
        AwsCredentialsProviderChain.of(
            ProfileCredentialsProvider.builder()
                .profileFile(
                    ProfileFile.builder().content(empty).type(ProfileFile.Type.CREDENTIALS).build())
                .profileName("default")
                .build());

    // Act: the SDK looks for credentials before it opens any connection.
    BackendUnavailableException e = findThrough(SERVER.endpoint().getPort(), nothing);

    // Assert
    assertThat(e.causeSummary())
        .isEqualTo(
            "NoCredentials: no AWS credentials found: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY");
    assertThat(e.getMessage())
        .isEqualTo(
            "backend 'dynamodb' cannot answer: GetItem on table '"
                + TABLE
                + "' in region 'eu-west-1' found no AWS credentials: set AWS_PROFILE, or"
                + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
        .doesNotContain("Unable to load credentials");
  }

  /** One find through a store whose own client talks to a loopback port. */
  private static BackendUnavailableException findThrough(
      int port, AwsCredentialsProvider credentials) {
    DynamoDbSettings settings =
        TestSettings.from(DynamoDbSettings.defaults(TABLE, "eu-west-1"))
            .endpointOverride(URI.create("http://127.0.0.1:" + port))
            .maxAttempts(1)
            .build();
    try (DynamoDbClient client = DynamoDbClientFactory.create(settings, credentials)) {
      DynamoDbSessionStore store = new DynamoDbSessionStore(client, settings);
      return catchThrowableOfType(
          BackendUnavailableException.class,
          () -> store.find(Credential.parse("pcs_nothing").orElseThrow().fingerprint()));
    }
  }

  private static AwsCredentialsProvider dummyKeys() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy"));
  }
}
