package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.list;
import static dev.portcullis.bootstrap.template.Template.map;
import static dev.portcullis.bootstrap.template.TemplateParts.tableProps;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.dynamodb.SessionTable;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sessions table against what SessionTableAdmin creates; each check fails on a copy of {@code
 * template.yaml} broken on purpose.
 */
class TableChecksTest {

  @Test
  void the_adapter_creates_the_table_that_session_table_names() {
    SessionAdapter.TableShape shape = SessionAdapter.table();

    assertThat(shape.ttlAttribute()).isEqualTo(SessionTable.TTL_ATTRIBUTE);
    assertThat(shape.create().keySchema().get(0).attributeName())
        .isEqualTo(SessionTable.PARTITION_KEY);
    assertThat(shape.create().globalSecondaryIndexes().get(0).indexName())
        .isEqualTo(SessionTable.BY_PRINCIPAL_INDEX);
  }

  @Test
  void the_table_matches_what_the_adapter_creates_and_survives_the_stack() {
    assertThat(TableChecks.all(Template.repository())).isEmpty();
  }

  @Test
  void another_partition_key_is_reported() {
    Template t = Template.repository();
    map(list(tableProps(t).get("KeySchema")).get(0)).put("AttributeName", "token");

    assertThat(TableChecks.all(t))
        .singleElement()
        .asString()
        .startsWith("table SessionTable: KeySchema is [token HASH]");
  }

  @Test
  void a_key_attribute_of_another_type_is_reported() {
    Template t = Template.repository();
    map(list(tableProps(t).get("AttributeDefinitions")).get(2)).put("AttributeType", "S");

    assertThat(TableChecks.all(t))
        .singleElement()
        .asString()
        .contains("AttributeDefinitions is {pk=S, principalId=S, expiresAt=S}");
  }

  @Test
  void an_index_with_another_projection_or_sort_key_is_reported() {
    Template t = Template.repository();
    Map<String, Object> index = map(list(tableProps(t).get("GlobalSecondaryIndexes")).get(0));
    map(index.get("Projection")).put("ProjectionType", "KEYS_ONLY");
    list(index.get("KeySchema")).remove(1);

    assertThat(TableChecks.all(t))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("index byPrincipal ProjectionType is KEYS_ONLY"))
        .anySatisfy(
            p -> assertThat(p).contains("index byPrincipal KeySchema is [principalId HASH]"));
  }

  @Test
  void a_renamed_index_is_reported() {
    Template t = Template.repository();
    map(list(tableProps(t).get("GlobalSecondaryIndexes")).get(0)).put("IndexName", "principal");

    assertThat(TableChecks.all(t))
        .singleElement()
        .asString()
        .contains("GlobalSecondaryIndexes is [principal]");
  }

  @Test
  void another_ttl_attribute_is_reported() {
    Template t = Template.repository();
    map(tableProps(t).get("TimeToLiveSpecification")).put("AttributeName", "ttl");

    assertThat(TableChecks.all(t))
        .singleElement()
        .asString()
        .contains("TimeToLiveSpecification.AttributeName is ttl");
  }

  @Test
  void a_table_lost_with_the_stack_or_without_recovery_is_reported() {
    Template t = Template.repository();
    map(t.resources().get("SessionTable")).remove("DeletionPolicy");
    map(t.resources().get("SessionTable")).put("UpdateReplacePolicy", "Delete");
    tableProps(t).remove("PointInTimeRecoverySpecification");

    assertThat(TableChecks.all(t))
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).contains("DeletionPolicy is null"))
        .anySatisfy(p -> assertThat(p).contains("UpdateReplacePolicy is Delete"))
        .anySatisfy(p -> assertThat(p).contains("PointInTimeRecoveryEnabled is null"));
  }

  @Test
  void provisioned_capacity_is_reported() {
    Template t = Template.repository();
    tableProps(t).put("BillingMode", "PROVISIONED");

    assertThat(TableChecks.all(t))
        .singleElement()
        .asString()
        .contains("BillingMode is PROVISIONED");
  }
}
