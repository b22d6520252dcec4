package dev.portcullis.bootstrap.template;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;

/**
 * A {@link DynamoDbClient} that talks to nobody: it records every request the adapter sends and
 * answers with a canned or empty response. It tells which DynamoDB operations a code path really
 * calls, without a network or a server.
 */
final class RecordingDynamoDb implements InvocationHandler {

  private final List<DynamoDbRequest> requests = new ArrayList<>();
  private final Map<Class<?>, Function<DynamoDbRequest, DynamoDbResponse>> answers =
      new HashMap<>();

  DynamoDbClient client() {
    return (DynamoDbClient)
        Proxy.newProxyInstance(
            DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, this);
  }

  /** Answers requests of this type with {@code answer} instead of an empty response. */
  <Q extends DynamoDbRequest> RecordingDynamoDb answer(
      Class<Q> type, Function<Q, ? extends DynamoDbResponse> answer) {
    answers.put(type, request -> answer.apply(type.cast(request)));
    return this;
  }

  /** Every request sent, in order. */
  List<DynamoDbRequest> requests() {
    return List.copyOf(requests);
  }

  /** The operation names sent, in order: {@code GetItem}, {@code CreateTable}, ... */
  List<String> operations() {
    return requests.stream()
        .map(r -> r.getClass().getSimpleName().replaceFirst("Request$", ""))
        .toList();
  }

  /** The first request of this type. */
  <Q extends DynamoDbRequest> Q first(Class<Q> type) {
    return requests.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " was sent"));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (args != null && args.length == 1 && args[0] instanceof DynamoDbRequest request) {
      requests.add(request);
      Function<DynamoDbRequest, DynamoDbResponse> answer = answers.get(request.getClass());
      return answer != null ? answer.apply(request) : empty(method.getReturnType());
    }
    switch (method.getName()) {
      case "serviceName":
        return DynamoDbClient.SERVICE_NAME;
      case "close":
        return null;
      case "toString":
        return "RecordingDynamoDb";
      case "hashCode":
        return System.identityHashCode(proxy);
      case "equals":
        return proxy == args[0];
      default:
        if (method.isDefault()) {
          // The Consumer<Builder> overloads build the request and call the overload above.
          return InvocationHandler.invokeDefault(proxy, method, args);
        }
        throw new UnsupportedOperationException("RecordingDynamoDb: " + method);
    }
  }

  private static Object empty(Class<?> responseType) throws ReflectiveOperationException {
    Object builder = responseType.getMethod("builder").invoke(null);
    Method build = builder.getClass().getMethod("build");
    build.setAccessible(true);
    return build.invoke(builder);
  }
}
