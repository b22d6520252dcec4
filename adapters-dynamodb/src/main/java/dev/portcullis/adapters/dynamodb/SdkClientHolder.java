package dev.portcullis.adapters.dynamodb;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The store's SDK client: given, or built on first use, so that a process that only reads (a Lambda
 * authorizer on the light read path) never pays for it.
 */
final class SdkClientHolder {

  private final DynamoDbSettings settings;
  private final AwsCredentialsProvider credentials;
  private volatile DynamoDbClient client;

  private SdkClientHolder(
      DynamoDbClient client, DynamoDbSettings settings, AwsCredentialsProvider credentials) {
    this.client = client;
    this.settings = settings;
    this.credentials = credentials;
  }

  static SdkClientHolder of(DynamoDbClient client) {
    return new SdkClientHolder(Objects.requireNonNull(client, "client"), null, null);
  }

  static SdkClientHolder lazy(DynamoDbSettings settings, AwsCredentialsProvider credentials) {
    return new SdkClientHolder(
        null,
        Objects.requireNonNull(settings, "settings"),
        Objects.requireNonNull(credentials, "credentials"));
  }

  DynamoDbClient get() {
    DynamoDbClient built = client;
    if (built == null) {
      synchronized (this) {
        built = client;
        if (built == null) {
          built = DynamoDbClientFactory.create(settings, credentials);
          client = built;
        }
      }
    }
    return built;
  }
}
