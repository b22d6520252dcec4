package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.port.out.BackendUnavailableException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Every SDK failure becomes a BackendUnavailableException whose message says what happened and
 * whose one-line summary names the class of the cause and where.
 */
class DynamoDbFailuresTest {

  private final DynamoDbFailures failures =
      new DynamoDbFailures("dynamodb", "portcullis-sessions", "eu-west-1");

  @Test
  void a_missing_table_names_the_table_the_region_and_how_to_create_it() {
    BackendUnavailableException e =
        failures.translate(
            "GetItem",
            ResourceNotFoundException.builder().message("Requested resource not found").build());

    assertThat(e.backend()).isEqualTo("dynamodb");
    assertThat(e.causeSummary())
        .isEqualTo("ResourceNotFound: table portcullis-sessions in eu-west-1");
    assertThat(e)
        .hasMessage(
            "backend 'dynamodb' cannot answer: table 'portcullis-sessions' does not exist in region"
                + " 'eu-west-1': create it with `portcullis table create` or the SAM template");
  }

  @Test
  void provisioned_throughput_exceeded_is_throttling() {
    assertThat(
            describe(
                service(
                    ProvisionedThroughputExceededException.builder(),
                    400,
                    "ProvisionedThroughputExceededException")))
        .isEqualTo(
            "GetItem on table 'portcullis-sessions' in region 'eu-west-1' was throttled"
                + " (ProvisionedThroughputExceededException)");
  }

  @Test
  void request_limit_exceeded_is_throttling() {
    assertThat(
            describe(service(RequestLimitExceededException.builder(), 400, "RequestLimitExceeded")))
        .contains("was throttled (RequestLimitExceeded)");
  }

  @Test
  void a_throttling_exception_code_is_throttling() {
    assertThat(describe(service(DynamoDbException.builder(), 400, "ThrottlingException")))
        .contains("was throttled (ThrottlingException)");
  }

  @Test
  void a_call_timeout_says_it_timed_out() {
    assertThat(describe(ApiCallTimeoutException.create(Duration.ofMillis(1200).toMillis())))
        .startsWith("GetItem on table 'portcullis-sessions' in region 'eu-west-1' timed out: ")
        .contains("1200");
  }

  @Test
  void an_attempt_timeout_says_the_last_attempt_timed_out() {
    assertThat(describe(ApiCallAttemptTimeoutException.create(500)))
        .contains("timed out on its last attempt");
  }

  @Test
  void an_unreachable_endpoint_says_it_could_not_reach_dynamodb() {
    SdkClientException e =
        SdkClientException.builder()
            .message("Unable to execute HTTP request: Connection refused")
            .cause(new IOException("Connection refused"))
            .build();

    assertThat(describe(e)).contains("could not reach DynamoDB: Unable to execute HTTP request");
  }

  @Test
  void a_server_error_gives_its_status_and_code() {
    assertThat(describe(service(DynamoDbException.builder(), 503, "ServiceUnavailable")))
        .contains("failed with a server error 503 (ServiceUnavailable)");
  }

  @Test
  void any_other_refusal_still_fails_the_call_with_the_servers_reason() {
    assertThat(
            describe(
                service(
                    DynamoDbException.builder(),
                    400,
                    "AccessDeniedException",
                    "not authorized to perform: dynamodb:GetItem")))
        .contains("was refused with 400 (AccessDeniedException): not authorized");
  }

  @Test
  void a_malformed_row_fails_the_call_instead_of_passing_for_a_missing_session() {
    BackendUnavailableException e =
        failures.malformed(
            "GetItem", new IllegalArgumentException("attribute 'expiresAt' is missing"));

    assertThat(e).hasMessageContaining("malformed session item: attribute 'expiresAt' is missing");
  }

  @Test
  void throttling_is_summed_up_as_throttled_with_its_code() {
    assertThat(
            summary(
                service(
                    ProvisionedThroughputExceededException.builder(),
                    400,
                    "ProvisionedThroughputExceededException")))
        .isEqualTo(
            "Throttled: GetItem on table portcullis-sessions in eu-west-1"
                + " (ProvisionedThroughputExceededException)");
  }

  @Test
  void both_timeouts_are_summed_up_as_timeout() {
    assertThat(summary(ApiCallTimeoutException.create(1200)))
        .isEqualTo("Timeout: GetItem on table portcullis-sessions in eu-west-1");
    assertThat(summary(ApiCallAttemptTimeoutException.create(500)))
        .isEqualTo("Timeout: GetItem on table portcullis-sessions in eu-west-1");
  }

  @Test
  void a_refusal_of_permission_is_summed_up_as_access_denied_without_the_servers_text() {
    assertThat(
            summary(
                service(
                    DynamoDbException.builder(),
                    400,
                    "AccessDeniedException",
                    "User: arn:aws:sts::123456789012:assumed-role/x is not authorized")))
        .isEqualTo("AccessDenied: GetItem on table portcullis-sessions in eu-west-1");
  }

  @Test
  void keys_the_service_does_not_know_or_that_expired_are_summed_up_as_such() {
    assertThat(summary(service(DynamoDbException.builder(), 400, "UnrecognizedClientException")))
        .isEqualTo(
            "InvalidCredentials: GetItem on table portcullis-sessions in eu-west-1"
                + " (UnrecognizedClientException)");
    assertThat(summary(service(DynamoDbException.builder(), 400, "ExpiredTokenException")))
        .isEqualTo("ExpiredCredentials: GetItem on table portcullis-sessions in eu-west-1");
  }

  @Test
  void a_server_error_and_any_other_refusal_are_summed_up_with_status_and_code() {
    assertThat(summary(service(DynamoDbException.builder(), 503, "ServiceUnavailable")))
        .isEqualTo(
            "ServerError: GetItem on table portcullis-sessions in eu-west-1"
                + " (503 ServiceUnavailable)");
    assertThat(summary(service(DynamoDbException.builder(), 400, "ValidationException")))
        .isEqualTo(
            "Refused: GetItem on table portcullis-sessions in eu-west-1"
                + " (400 ValidationException)");
  }

  @Test
  void a_client_failure_is_summed_up_by_what_the_connection_met() {
    assertThat(summary(clientFailure(new java.net.UnknownHostException("dynamodb.nowhere"))))
        .isEqualTo("UnknownHost: GetItem on table portcullis-sessions in eu-west-1");
    assertThat(summary(clientFailure(new java.net.SocketTimeoutException("read timed out"))))
        .isEqualTo("Timeout: GetItem on table portcullis-sessions in eu-west-1");
    assertThat(summary(clientFailure(new IOException("stream closed"))))
        .isEqualTo("Unreachable: GetItem on table portcullis-sessions in eu-west-1");
  }

  @Test
  void a_malformed_row_is_summed_up_as_malformed_item() {
    assertThat(
            failures
                .malformed("GetItem", new IllegalArgumentException("attribute 'x' is missing"))
                .causeSummary())
        .isEqualTo("MalformedItem: GetItem on table portcullis-sessions in eu-west-1");
  }

  private static SdkException clientFailure(Throwable underneath) {
    return SdkClientException.builder()
        .message("Unable to execute HTTP request: " + underneath.getMessage())
        .cause(underneath)
        .build();
  }

  private String summary(SdkException e) {
    return failures.summarize("GetItem", e);
  }

  private String describe(SdkException e) {
    return failures.describe("GetItem", e);
  }

  private static SdkException service(DynamoDbException.Builder builder, int status, String code) {
    return service(builder, status, code, "server says no");
  }

  private static SdkException service(
      DynamoDbException.Builder builder, int status, String code, String message) {
    return builder
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .message(message)
        .build();
  }
}
