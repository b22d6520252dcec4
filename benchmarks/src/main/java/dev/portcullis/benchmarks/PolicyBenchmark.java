package dev.portcullis.benchmarks;

import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.policy.PolicyBuilder;
import dev.portcullis.domain.policy.PolicyDocument;
import dev.portcullis.domain.policy.PolicyEvaluator;
import dev.portcullis.domain.policy.PreparedPolicy;
import dev.portcullis.domain.rules.AccessRules;
import dev.portcullis.domain.rules.Grant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The policy engine alone, on the example rules: parsing the called ARN, building the policy of an
 * identity's roles, and evaluating a policy against an ARN as API Gateway does.
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class PolicyBenchmark {

  private static final String ORDERS_ARN =
      "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/orders/42";
  private static final String DELETE_ARN =
      "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/DELETE/orders/42";
  private static final String CONNECT_ARN =
      "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$connect";

  Set<Grant> adminGrants;
  Set<Grant> readerGrants;
  RouteTarget orders;
  RouteTarget connect;
  PolicyDocument readerPolicy;
  PreparedPolicy readerPrepared;

  @Setup
  public void setUp() {
    AccessRules rules =
        AccessRules.of(
            Map.of(
                "admin", List.of("* /*", "$connect"),
                "reader", List.of("GET /orders", "GET /orders/*", "$connect"),
                "*", List.of("GET /health")));
    adminGrants = rules.grantsFor(List.of("admin"));
    readerGrants = rules.grantsFor(List.of("reader"));
    orders = RouteTarget.parse(ORDERS_ARN);
    connect = RouteTarget.parse(CONNECT_ARN);
    readerPolicy = PolicyBuilder.build(readerGrants, orders);
    readerPrepared = PreparedPolicy.of(readerPolicy);
    if (!PolicyEvaluator.allows(readerPolicy, ORDERS_ARN)
        || PolicyEvaluator.allows(readerPolicy, DELETE_ARN)
        || !readerPrepared.allows(ORDERS_ARN)
        || readerPrepared.allows(DELETE_ARN)) {
      throw new IllegalStateException(
          "the reader policy is not the documented one: " + readerPolicy);
    }
  }

  @Benchmark
  public RouteTarget parseArn() {
    return RouteTarget.parse(ORDERS_ARN);
  }

  @Benchmark
  public PolicyDocument buildAdmin() {
    return PolicyBuilder.build(adminGrants, orders);
  }

  @Benchmark
  public PolicyDocument buildReader() {
    return PolicyBuilder.build(readerGrants, orders);
  }

  @Benchmark
  public PolicyDocument buildWebSocket() {
    return PolicyBuilder.build(readerGrants, connect);
  }

  @Benchmark
  public boolean evaluateAllowed() {
    return PolicyEvaluator.allows(readerPolicy, ORDERS_ARN);
  }

  @Benchmark
  public boolean evaluateDenied() {
    return PolicyEvaluator.allows(readerPolicy, DELETE_ARN);
  }

  @Benchmark
  public boolean evaluateAllowedPrepared() {
    return readerPrepared.allows(ORDERS_ARN);
  }

  @Benchmark
  public boolean evaluateDeniedPrepared() {
    return readerPrepared.allows(DELETE_ARN);
  }
}
