package dev.portcullis.adapters.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * Says whether a table is one the authorizer can use, reading nothing but its description and its
 * TTL: what {@code check} reports of the table.
 */
final class SessionTableProbe {

  /** The principal index's keys, as the item's schema declares them. */
  private static final List<KeySchemaElement> PRINCIPAL_INDEX_KEYS =
      List.of(
          KeySchemaElement.builder()
              .attributeName(SessionTable.PRINCIPAL_ID)
              .keyType(KeyType.HASH)
              .build(),
          KeySchemaElement.builder()
              .attributeName(SessionTable.EXPIRES_AT)
              .keyType(KeyType.RANGE)
              .build());

  private SessionTableProbe() {}

  /**
   * Describes the table and its TTL with the low-level client's {@code DescribeTable} and {@code
   * DescribeTimeToLive}. A failure to reach DynamoDB is a problem, worded by the store's failure
   * messages: the table, the region and the cause.
   */
  static SessionTableAdmin.Probe probe(
      DynamoDbClient client, String tableName, DynamoDbFailures failures) {
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    TableDescription description;
    try {
      description = client.describeTable(r -> r.tableName(tableName)).table();
    } catch (SdkException e) {
      problems.add(failures.translate("DescribeTable", e).getMessage());
      return new SessionTableAdmin.Probe(problems, warnings);
    }
    String table = "table '" + tableName + "'";
    if (!SessionTableAdmin.hasSessionKey(description)) {
      problems.add(
          table
              + " has the key "
              + description.keySchema().stream().map(KeySchemaElement::attributeName).toList()
              + ", not the partition key '"
              + SessionTable.PARTITION_KEY
              + "' alone: it is not a Portcullis session table");
    }
    Optional<GlobalSecondaryIndexDescription> index = SessionTableAdmin.principalIndex(description);
    if (index.isEmpty()) {
      problems.add(
          table
              + " has no index '"
              + SessionTable.BY_PRINCIPAL_INDEX
              + "': sessions list and revoke-all need it (docs/dynamodb.md)");
    } else if (!index.get().keySchema().equals(PRINCIPAL_INDEX_KEYS)) {
      problems.add(
          table
              + "'s index '"
              + SessionTable.BY_PRINCIPAL_INDEX
              + "' is not keyed on "
              + SessionTable.PRINCIPAL_ID
              + " and "
              + SessionTable.EXPIRES_AT);
    }
    if (!SessionTableAdmin.isActive(description)) {
      warnings.add(table + " or its index is still " + description.tableStatusAsString());
    }
    try {
      TimeToLiveDescription ttl =
          client.describeTimeToLive(r -> r.tableName(tableName)).timeToLiveDescription();
      if (!SessionTableAdmin.isTimeToLiveOn(ttl)
          || !SessionTable.TTL_ATTRIBUTE.equals(ttl.attributeName())) {
        warnings.add(
            table
                + " has no TTL on "
                + SessionTable.TTL_ATTRIBUTE
                + ": expired sessions stay until deleted (Portcullis still refuses them);"
                + " `portcullis table create` enables it");
      }
    } catch (AwsServiceException e) {
      if (!SessionTableAdmin.isUnsupported(e)) {
        problems.add(failures.translate("DescribeTimeToLive", e).getMessage());
      } else {
        warnings.add(
            "the TTL of "
                + table
                + " cannot be checked: this server does not support DescribeTimeToLive");
      }
    } catch (SdkException e) {
      problems.add(failures.translate("DescribeTimeToLive", e).getMessage());
    }
    return new SessionTableAdmin.Probe(problems, warnings);
  }
}
