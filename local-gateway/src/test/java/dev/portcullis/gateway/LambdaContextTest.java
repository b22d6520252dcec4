package dev.portcullis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The authorizer is invoked as Lambda invokes a stream handler, with a context of its own. */
class LambdaContextTest {

  @Test
  void the_authorizer_gets_the_request_id_the_client_sees_as_its_aws_request_id() {
    AtomicReference<Context> seen = new AtomicReference<>();
    RequestStreamHandler recording =
        (event, response, context) -> {
          seen.set(context);
          throw new IllegalStateException(LocalGateway.UNAUTHORIZED);
        };
    try (TestGateway gateway =
        TestGateway.start(TestGateway.settings(ApiKind.REST_TOKEN), recording, false, null)) {
      HttpResponse<String> response = gateway.get("/orders", "abc");

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("x-amzn-RequestId"))
          .hasValue(seen.get().getAwsRequestId());
    }
  }

  @Test
  void the_function_lives_in_the_apis_account_and_region_with_no_deadline() {
    Context context =
        new LambdaContext(
            "id-1",
            new ApiCoordinates("abcdef1234", "prod", "210987654321", "eu-west-1"),
            System.err);

    assertThat(context.getInvokedFunctionArn())
        .isEqualTo("arn:aws:lambda:eu-west-1:210987654321:function:authorizer");
    assertThat(context.getFunctionName()).isEqualTo("authorizer");
    assertThat(context.getRemainingTimeInMillis()).isEqualTo(Integer.MAX_VALUE);
    assertThat(context.getMemoryLimitInMB()).isPositive();
  }
}
