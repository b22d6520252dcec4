package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The outage scenarios of {@link DynamoDbOutageIT} on the Lambda read path: {@code find} and {@code
 * resolve} go through {@link DynamoDbSessionReader}, writes through the lazily built client.
 */
class ReaderOutageIT extends DynamoDbOutageIT {

  @Override
  DynamoDbSessionStore newStore(DynamoDbSettings settings, DynamoDbClient client) {
    DynamoDbSessionStore store =
        DynamoDbSessionStore.create(settings, LocalDynamoDb.testCredentials(), Map.of());
    assertThat(store.readsWithoutSdk()).as("reads through DynamoDbSessionReader").isTrue();
    return store;
  }
}
