package dev.portcullis.adapters.dynamodb;

import dev.portcullis.domain.port.out.BackendUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Turns every SDK failure into {@link BackendUnavailableException}: a store that cannot answer
 * throws, it never pretends a session is missing. Messages name the table and the cause, never a
 * key.
 */
final class DynamoDbFailures {

  private final String backend;
  private final String table;
  private final String region;

  DynamoDbFailures(String backend, String table, String region) {
    this.backend = backend;
    this.table = table;
    this.region = region;
  }

  BackendUnavailableException translate(String operation, SdkException e) {
    return new BackendUnavailableException(backend, describe(operation, e), e);
  }

  BackendUnavailableException malformed(String operation, RuntimeException e) {
    return new BackendUnavailableException(
        backend,
        operation + " on table '" + table + "' read a malformed session item: " + e.getMessage(),
        e);
  }

  String describe(String operation, SdkException e) {
    String where = operation + " on table '" + table + "' in region '" + region + "'";
    if (e instanceof ResourceNotFoundException) {
      return "table '"
          + table
          + "' does not exist in region '"
          + region
          + "': create it with `portcullis table create` or the SAM template";
    }
    if (e instanceof ProvisionedThroughputExceededException
        || e instanceof RequestLimitExceededException
        || (e instanceof AwsServiceException
            && ((AwsServiceException) e).isThrottlingException())) {
      return where + " was throttled (" + errorCode(e) + ")";
    }
    if (e instanceof ApiCallTimeoutException) {
      return where + " timed out: " + e.getMessage();
    }
    if (e instanceof ApiCallAttemptTimeoutException) {
      return where + " timed out on its last attempt: " + e.getMessage();
    }
    if (e instanceof SdkClientException) {
      return where + " could not reach DynamoDB: " + e.getMessage();
    }
    if (e instanceof AwsServiceException) {
      AwsServiceException service = (AwsServiceException) e;
      if (service.statusCode() >= 500) {
        return where
            + " failed with a server error "
            + service.statusCode()
            + " ("
            + errorCode(e)
            + ")";
      }
      return where
          + " was refused with "
          + service.statusCode()
          + " ("
          + errorCode(e)
          + "): "
          + (service.awsErrorDetails() == null
              ? service.getMessage()
              : service.awsErrorDetails().errorMessage());
    }
    return where + " failed: " + e.getMessage();
  }

  private static String errorCode(SdkException e) {
    if (e instanceof AwsServiceException
        && ((AwsServiceException) e).awsErrorDetails() != null
        && ((AwsServiceException) e).awsErrorDetails().errorCode() != null) {
      return ((AwsServiceException) e).awsErrorDetails().errorCode();
    }
    return e.getClass().getSimpleName();
  }
}
