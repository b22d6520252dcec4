package dev.portcullis.bootstrap.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Checks a Lambda handler string ({@code class::method}) against a built jar, the way Lambda will
 * load it: the class file is there, it is a public {@code RequestStreamHandler} with a public
 * no-argument constructor and the method. The class is loaded from the jar alone and never
 * initialised, so nothing of Portcullis runs.
 */
final class HandlerInJar {

  static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";
  static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";

  private HandlerInJar() {}

  static List<String> check(Path jar, String handler) {
    List<String> problems = new ArrayList<>();
    int separator = handler.indexOf("::");
    if (separator <= 0) {
      return List.of("handler " + handler + " is not of the form class::method");
    }
    String className = handler.substring(0, separator);
    String methodName = handler.substring(separator + 2);
    String entry = className.replace('.', '/') + ".class";
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.getEntry(entry) == null) {
        return List.of(jar + " has no " + entry + ": Lambda would fail every init");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> type = Class.forName(className, false, loader);
      if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
        problems.add(className + " is not a public concrete class");
      }
      Class<?> streamHandler = Class.forName(STREAM_HANDLER, false, loader);
      if (!streamHandler.isAssignableFrom(type)) {
        problems.add(className + " does not implement " + STREAM_HANDLER);
      }
      try {
        type.getConstructor();
      } catch (NoSuchMethodException e) {
        problems.add(className + " has no public no-argument constructor for Lambda to call");
      }
      try {
        type.getMethod(
            methodName,
            InputStream.class,
            OutputStream.class,
            Class.forName(CONTEXT, false, loader));
      } catch (NoSuchMethodException e) {
        problems.add(
            className + " has no public " + methodName + "(InputStream, OutputStream, Context)");
      }
    } catch (ClassNotFoundException | IOException e) {
      problems.add("cannot load " + className + " from " + jar + ": " + e);
    }
    return problems;
  }
}
