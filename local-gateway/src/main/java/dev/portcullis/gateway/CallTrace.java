package dev.portcullis.gateway;

/**
 * What happened to one request on its way through the gateway, as the decision inspector shows it.
 *
 * @param route the route called; null when API Gateway refused the request before routing it
 * @param rejection why the gateway answered by itself; null when the integration answered
 * @param event the event for the authorizer; null when it was not consulted
 * @param eventSent whether the event went to the authorizer, or a cached answer spared it
 * @param answer what the authorizer answered; null when it refused or failed
 * @param failure the authorizer's error, or why its answer was refused; null when it answered
 */
record CallTrace(
    RouteCall route,
    Rejection rejection,
    byte[] event,
    boolean eventSent,
    AuthorizerResponse answer,
    String failure) {

  /** API Gateway refused the request by itself, before or without the authorizer. */
  static CallTrace refused(RouteCall route, Rejection rejection) {
    return new CallTrace(route, rejection, null, false, null, null);
  }
}
