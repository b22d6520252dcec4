package dev.portcullis.bootstrap.template;

import dev.portcullis.adapters.dynamodb.DynamoDbSessionStore;
import dev.portcullis.adapters.dynamodb.DynamoDbSettings;
import dev.portcullis.adapters.dynamodb.SessionTableAdmin;
import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.service.SessionIdentityResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * What the DynamoDB adapter itself does, observed over a {@link RecordingDynamoDb}: the table that
 * {@code SessionTableAdmin} creates, and the calls the authorizer's path makes. The template checks
 * compare the template with these, so they follow the adapter without a copy of its names.
 */
final class SessionAdapter {

  private static final DynamoDbSettings SETTINGS =
      DynamoDbSettings.defaults("portcullis-template-check", "us-east-1");

  private SessionAdapter() {}

  /**
   * The table exactly as the adapter creates it for the CLI's {@code table create}.
   *
   * @param create the CreateTable request: billing, attributes, key schema, indexes
   * @param ttlAttribute the attribute the adapter enables TTL on
   */
  record TableShape(CreateTableRequest create, String ttlAttribute) {}

  static TableShape table() {
    RecordingDynamoDb dynamo = new RecordingDynamoDb();
    dynamo
        .answer(DescribeTableRequest.class, request -> activeTable(dynamo))
        .answer(
            DescribeTimeToLiveRequest.class,
            request ->
                DescribeTimeToLiveResponse.builder()
                    .timeToLiveDescription(d -> d.timeToLiveStatus(TimeToLiveStatus.DISABLED))
                    .build());
    new SessionTableAdmin(dynamo.client(), SETTINGS).createTable(Duration.ofSeconds(5));
    return new TableShape(
        dynamo.first(CreateTableRequest.class),
        dynamo.first(UpdateTimeToLiveRequest.class).timeToLiveSpecification().attributeName());
  }

  /**
   * The IAM actions of the authorizer's path: a session backend resolving a credential over the
   * DynamoDB store, as every authorizer call that misses the in-function cache does.
   */
  static Set<String> authorizerActions() {
    RecordingDynamoDb dynamo = new RecordingDynamoDb();
    SessionIdentityResolver resolver =
        new SessionIdentityResolver(
            DynamoDbSessionStore.BACKEND,
            new DynamoDbSessionStore(dynamo.client(), SETTINGS),
            Clock.systemUTC());
    resolver.resolve(Credential.parse("pcs_template_check_token").orElseThrow());
    return dynamo.operations().stream()
        .map(operation -> "dynamodb:" + operation)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static DescribeTableResponse activeTable(RecordingDynamoDb dynamo) {
    CreateTableRequest created = dynamo.first(CreateTableRequest.class);
    List<GlobalSecondaryIndexDescription> indexes =
        created.globalSecondaryIndexes().stream()
            .map(
                index ->
                    GlobalSecondaryIndexDescription.builder()
                        .indexName(index.indexName())
                        .keySchema(index.keySchema())
                        .indexStatus(IndexStatus.ACTIVE)
                        .build())
            .toList();
    return DescribeTableResponse.builder()
        .table(
            TableDescription.builder()
                .tableName(created.tableName())
                .tableStatus(TableStatus.ACTIVE)
                .keySchema(created.keySchema())
                .globalSecondaryIndexes(indexes)
                .build())
        .build();
  }
}
