package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.AuthorizerLookups.sessionTable;
import static dev.portcullis.bootstrap.template.Template.at;
import static dev.portcullis.bootstrap.template.Template.list;
import static dev.portcullis.bootstrap.template.Template.map;
import static dev.portcullis.bootstrap.template.Template.string;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * The check of the sessions table: its keys, index and TTL are the ones the DynamoDB adapter
 * creates, and it survives the stack.
 */
final class TableChecks {

  private TableChecks() {}

  /** The sessions table is the one the adapter creates, kept safe. */
  static List<String> all(Template t) {
    List<String> problems = new ArrayList<>();
    Optional<String> id = sessionTable(t);
    if (id.isEmpty()) {
      return List.of("PORTCULLIS_TABLE names no AWS::DynamoDB::Table of this template");
    }
    Map<String, Object> resource = map(t.resources().get(id.get()));
    Map<String, Object> props = map(resource.get("Properties"));
    SessionAdapter.TableShape adapter = SessionAdapter.table();
    CreateTableRequest create = adapter.create();
    String table = "table " + id.get() + ": ";

    expect(problems, table + "BillingMode", create.billingModeAsString(), props.get("BillingMode"));
    Map<String, String> attributes = new LinkedHashMap<>();
    create
        .attributeDefinitions()
        .forEach(a -> attributes.put(a.attributeName(), a.attributeTypeAsString()));
    Map<String, Object> declared = new LinkedHashMap<>();
    list(props.get("AttributeDefinitions"))
        .forEach(
            a -> declared.put(string(map(a).get("AttributeName")), map(a).get("AttributeType")));
    expect(problems, table + "AttributeDefinitions", attributes, declared);
    expect(problems, table + "KeySchema", keys(create.keySchema()), keysOf(props.get("KeySchema")));

    Map<String, Object> indexes = new LinkedHashMap<>();
    list(props.get("GlobalSecondaryIndexes"))
        .forEach(i -> indexes.put(string(map(i).get("IndexName")), i));
    Set<String> expectedIndexes =
        create.globalSecondaryIndexes().stream()
            .map(GlobalSecondaryIndex::indexName)
            .collect(Collectors.toCollection(TreeSet::new));
    expect(
        problems,
        table + "GlobalSecondaryIndexes",
        expectedIndexes,
        new TreeSet<>(indexes.keySet()));
    for (GlobalSecondaryIndex index : create.globalSecondaryIndexes()) {
      Object declaredIndex = indexes.get(index.indexName());
      if (declaredIndex != null) {
        String name = table + "index " + index.indexName() + " ";
        expect(
            problems,
            name + "KeySchema",
            keys(index.keySchema()),
            keysOf(at(declaredIndex, "KeySchema")));
        expect(
            problems,
            name + "ProjectionType",
            index.projection().projectionTypeAsString(),
            at(declaredIndex, "Projection", "ProjectionType"));
      }
    }
    expect(
        problems,
        table + "TimeToLiveSpecification.AttributeName",
        adapter.ttlAttribute(),
        at(props, "TimeToLiveSpecification", "AttributeName"));
    expect(
        problems,
        table + "TimeToLiveSpecification.Enabled",
        true,
        at(props, "TimeToLiveSpecification", "Enabled"));
    expect(
        problems,
        table + "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
        true,
        at(props, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"));
    expect(problems, table + "DeletionPolicy", "Retain", resource.get("DeletionPolicy"));
    expect(problems, table + "UpdateReplacePolicy", "Retain", resource.get("UpdateReplacePolicy"));
    return problems;
  }

  private static void expect(List<String> problems, String what, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      problems.add(what + " is " + actual + " but the DynamoDB adapter expects " + expected);
    }
  }

  private static List<String> keys(List<KeySchemaElement> schema) {
    return schema.stream().map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList();
  }

  private static List<String> keysOf(Object schema) {
    return list(schema).stream()
        .map(k -> map(k).get("AttributeName") + " " + map(k).get("KeyType"))
        .toList();
  }
}
