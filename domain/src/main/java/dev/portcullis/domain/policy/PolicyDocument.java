package dev.portcullis.domain.policy;

import java.util.List;

/** An IAM policy document, version 2012-10-17, as an authorizer returns it. */
public record PolicyDocument(List<Statement> statements) {

  /** The policy language version API Gateway expects. */
  public static final String VERSION = "2012-10-17";

  public PolicyDocument {
    statements = List.copyOf(statements);
  }
}
