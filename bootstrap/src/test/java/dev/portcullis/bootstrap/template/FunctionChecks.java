package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.AuthorizerLookups.CODE_URI;
import static dev.portcullis.bootstrap.template.AuthorizerLookups.HANDLER;
import static dev.portcullis.bootstrap.template.AuthorizerLookups.authorizer;
import static dev.portcullis.bootstrap.template.AuthorizerLookups.authorizerFunctions;
import static dev.portcullis.bootstrap.template.AuthorizerLookups.conditionOf;
import static dev.portcullis.bootstrap.template.AuthorizerLookups.imageFunctions;
import static dev.portcullis.bootstrap.template.Template.at;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of the function that runs Portcullis: its handler, runtime and artifact, and the
 * container-image twin that must carry the same configuration.
 */
final class FunctionChecks {

  /** Managed runtimes that run the jar; java25 is the one whose JVM has AOT caches. */
  static final Set<String> RUNTIMES = Set.of("java21", "java25");

  /** What the image function states differently from the zip one: how its code is packaged. */
  static final Set<String> PACKAGING_PROPERTIES =
      Set.of("Runtime", "Handler", "CodeUri", "PackageType", "ImageUri");

  private FunctionChecks() {}

  /** Every check of the authorizer's functions. */
  static List<String> all(Template t) {
    List<String> problems = new ArrayList<>(function(t));
    problems.addAll(imageFunction(t));
    return problems;
  }

  /** The one function that runs Portcullis: its handler, runtime and artifact. */
  static List<String> function(Template t) {
    List<String> problems = new ArrayList<>();
    List<String> authorizers = authorizerFunctions(t);
    if (authorizers.size() != 1) {
      problems.add(
          "expected exactly one AWS::Serverless::Function with Handler "
              + HANDLER
              + ", found "
              + authorizers);
      return problems;
    }
    Map<String, Object> props = t.properties(authorizers.get(0));
    if (!RUNTIMES.contains(props.get("Runtime"))) {
      problems.add(
          "the authorizer's Runtime is " + props.get("Runtime") + ": use one of " + RUNTIMES);
    }
    if (!CODE_URI.equals(props.get("CodeUri"))) {
      problems.add(
          "the authorizer's CodeUri is " + props.get("CodeUri") + ", not the built " + CODE_URI);
    }
    if (!Boolean.TRUE.equals(at(t.resources().get(authorizers.get(0)), "Metadata", "SkipBuild"))) {
      problems.add(
          "the authorizer lacks Metadata.SkipBuild: true, so `sam build` would try to build the"
              + " prebuilt jar");
    }
    if (!"JSON".equals(at(props, "LoggingConfig", "LogFormat"))) {
      problems.add("the authorizer's LoggingConfig.LogFormat is not JSON");
    }
    return problems;
  }

  /**
   * The authorizer packaged as a container image, when the template offers one: the same
   * configuration as the zip function, all but how the code is packaged, so that the two never
   * drift apart, and each under a condition, so that a stack holds one of them.
   */
  static List<String> imageFunction(Template t) {
    List<String> images = imageFunctions(t);
    Optional<String> zip = authorizer(t);
    if (images.isEmpty() || zip.isEmpty()) {
      return List.of();
    }
    if (images.size() > 1) {
      return List.of("expected at most one image function, found " + images);
    }
    List<String> problems = new ArrayList<>();
    String image = images.get(0);
    Map<String, Object> imageProps = new LinkedHashMap<>(t.properties(image));
    Map<String, Object> zipProps = new LinkedHashMap<>(t.properties(zip.get()));
    Object imageUri = imageProps.get("ImageUri");
    if (!(imageUri instanceof Map<?, ?> ref && t.parameters().containsKey(ref.get("Ref")))) {
      problems.add(image + "'s ImageUri is " + imageUri + ", not a Ref to a parameter");
    }
    imageProps.keySet().removeAll(PACKAGING_PROPERTIES);
    zipProps.keySet().removeAll(PACKAGING_PROPERTIES);
    for (String key : new TreeSet<>(zipProps.keySet())) {
      if (!Objects.equals(zipProps.get(key), imageProps.get(key))) {
        problems.add(image + "'s " + key + " differs from " + zip.get() + "'s");
      }
    }
    for (String key : new TreeSet<>(imageProps.keySet())) {
      if (!zipProps.containsKey(key)) {
        problems.add(image + " sets " + key + ", which " + zip.get() + " does not");
      }
    }
    String imageCondition = conditionOf(t, image);
    String zipCondition = conditionOf(t, zip.get());
    if (imageCondition.equals("null")
        || zipCondition.equals("null")
        || imageCondition.equals(zipCondition)) {
      problems.add(
          image + " and " + zip.get() + " need two different conditions, so a stack holds one");
    }
    return problems;
  }
}
