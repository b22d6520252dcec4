package dev.portcullis.adapters.dynamodb;

import dev.portcullis.domain.port.out.BackendUnavailableException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
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
 * throws, it never pretends a session is missing. Each one gets a one-line cause summary built from
 * the class of the failure, the table and the region ({@code ResourceNotFound: table
 * portcullis-sessions in eu-west-1}), and a message that names the operation, the table, the region
 * and the cause. Neither ever holds a key, and neither passes on the SDK's long texts (its
 * credential-chain message alone runs to some 1,500 characters).
 */
final class DynamoDbFailures {

  /** What to do when no credentials are found; the names are the SDK's standard variables. */
  static final String CREDENTIALS_FIX =
      "set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";

  /**
   * How the SDK's credential providers begin their message when they find nothing: the chain's
   * "Unable to load credentials from any of the providers in the chain" and a single provider's
   * "Unable to load credentials from system settings". The SDK has no exception class of its own
   * for this, so the text is the only sign.
   */
  private static final String SDK_NO_CREDENTIALS = "Unable to load credentials";

  private final String backend;
  private final String table;
  private final String region;

  DynamoDbFailures(String backend, String table, String region) {
    this.backend = backend;
    this.table = table;
    this.region = region;
  }

  BackendUnavailableException translate(String operation, SdkException e) {
    return new BackendUnavailableException(
        backend, summarize(operation, e), describe(operation, e), e);
  }

  BackendUnavailableException malformed(String operation, RuntimeException e) {
    return new BackendUnavailableException(
        backend,
        "MalformedItem: " + operation + " on " + place(),
        operation + " on table '" + table + "' read a malformed session item: " + e.getMessage(),
        e);
  }

  /**
   * The class of the failure and where, in one line: {@code Throttled: GetItem on table t in r}.
   */
  String summarize(String operation, SdkException e) {
    String on = operation + " on " + place();
    if (e instanceof ResourceNotFoundException) {
      return "ResourceNotFound: " + place();
    }
    if (isThrottling(e)) {
      return "Throttled: " + on + " (" + errorCode(e) + ")";
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      return "Timeout: " + on;
    }
    if (e instanceof AwsServiceException service) {
      String code = errorCode(e);
      if (code.startsWith("AccessDenied")) {
        return "AccessDenied: " + on;
      }
      if (code.equals("UnrecognizedClientException")
          || code.equals("InvalidSignatureException")
          || code.equals("MissingAuthenticationToken")) {
        return "InvalidCredentials: " + on + " (" + code + ")";
      }
      if (code.startsWith("ExpiredToken")) {
        return "ExpiredCredentials: " + on;
      }
      if (service.statusCode() >= 500) {
        return "ServerError: " + on + " (" + service.statusCode() + " " + code + ")";
      }
      return "Refused: " + on + " (" + service.statusCode() + " " + code + ")";
    }
    if (lacksCredentials(e)) {
      return "NoCredentials: no AWS credentials found: " + CREDENTIALS_FIX;
    }
    if (e instanceof SdkClientException) {
      return networkClass(e) + ": " + on;
    }
    return "Failed: " + on + " (" + e.getClass().getSimpleName() + ")";
  }

  /** What happened and what to do, in a sentence or two, for the exception's message. */
  String describe(String operation, SdkException e) {
    String where = operation + " on table '" + table + "' in region '" + region + "'";
    if (e instanceof ResourceNotFoundException) {
      return "table '"
          + table
          + "' does not exist in region '"
          + region
          + "': create it with `portcullis table create` or the SAM template";
    }
    if (isThrottling(e)) {
      return where + " was throttled (" + errorCode(e) + ")";
    }
    if (e instanceof ApiCallTimeoutException) {
      return where + " timed out: " + e.getMessage();
    }
    if (e instanceof ApiCallAttemptTimeoutException) {
      return where + " timed out on its last attempt: " + e.getMessage();
    }
    if (lacksCredentials(e)) {
      return where + " found no AWS credentials: " + CREDENTIALS_FIX;
    }
    if (e instanceof SdkClientException) {
      return where + " could not reach DynamoDB: " + e.getMessage();
    }
    if (e instanceof AwsServiceException service) {
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

  private String place() {
    return "table " + table + " in " + region;
  }

  private static boolean isThrottling(SdkException e) {
    return e instanceof ProvisionedThroughputExceededException
        || e instanceof RequestLimitExceededException
        || (e instanceof AwsServiceException service && service.isThrottlingException());
  }

  /** True when the SDK, or any cause under it, found no credentials to sign with. */
  private static boolean lacksCredentials(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SdkClientException
          && t.getMessage() != null
          && t.getMessage().startsWith(SDK_NO_CREDENTIALS)) {
        return true;
      }
    }
    return false;
  }

  /** The class of a client-side failure, from the exception the HTTP client met underneath. */
  private static String networkClass(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException) {
        return "ConnectionRefused";
      }
      if (t instanceof UnknownHostException) {
        return "UnknownHost";
      }
      if (t instanceof NoRouteToHostException) {
        return "NoRouteToHost";
      }
      if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
        return "Timeout";
      }
      if (t instanceof SSLException) {
        return "TlsFailure";
      }
    }
    return "Unreachable";
  }

  private static String errorCode(SdkException e) {
    if (e instanceof AwsServiceException service
        && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorCode() != null) {
      return service.awsErrorDetails().errorCode();
    }
    return e.getClass().getSimpleName();
  }
}
