package dev.meridian.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Json;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceType;
import dev.meridian.common.validation.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * PathChecks compares a PUT body with its path (type, mesh, name) and reports the label problems
 * the node's {@link Admission} finds. Field paths follow the form the body was written in
 * (Universal or Kubernetes).
 */
final class PathChecks {
  private PathChecks() {}

  static List<Violation> check(
      Resource resource,
      ResourceType type,
      String mesh,
      String name,
      String body,
      List<Violation> labelProblems) {
    List<Violation> out = new ArrayList<>();
    boolean typeDiffers = resource.type() != type;
    boolean meshDiffers =
        type.meshScoped() && resource.type().meshScoped() && !resource.mesh().equals(mesh);
    boolean nameDiffers = !resource.name().isEmpty() && !resource.name().equals(name);
    if (!typeDiffers && !meshDiffers && !nameDiffers && labelProblems.isEmpty()) {
      return out;
    }
    boolean kubernetes = isKubernetes(body); // parsed again only to name the fields right
    if (typeDiffers) {
      out.add(
          new Violation(
              kubernetes ? "kind" : "type",
              "\"" + resource.type().name() + "\" does not match the path, which is for " + type));
    }
    if (meshDiffers) {
      out.add(
          new Violation(
              "mesh",
              "\""
                  + resource.mesh()
                  + "\" does not match the mesh in the path (\""
                  + mesh
                  + "\")"));
    }
    if (nameDiffers) {
      out.add(
          new Violation(
              kubernetes ? "metadata.name" : "name",
              "\""
                  + resource.name()
                  + "\" does not match the name in the path (\""
                  + name
                  + "\")"));
    }
    for (Violation problem : labelProblems) {
      out.add(
          new Violation(
              labelsField(kubernetes) + "[\"" + problem.field() + "\"]", problem.message()));
    }
    return out;
  }

  /** Where the body keeps its labels. Only called for a body read as exactly one document. */
  static String labelsField(String body) {
    return labelsField(isKubernetes(body));
  }

  private static String labelsField(boolean kubernetes) {
    return kubernetes ? "metadata.labels" : "labels";
  }

  /** Only called for a body the reader already read as exactly one document. */
  private static boolean isKubernetes(String body) {
    try {
      JsonNode doc = Json.YAML.readTree(body);
      return doc != null && (doc.has("kind") || doc.has("apiVersion") || doc.has("metadata"));
    } catch (IOException e) {
      return false;
    }
  }
}
