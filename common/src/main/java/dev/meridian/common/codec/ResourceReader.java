package dev.meridian.common.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meridian.common.parse.Fields;
import dev.meridian.common.parse.Json;
import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceType;
import dev.meridian.common.resource.Spec;
import dev.meridian.common.validation.Violation;
import dev.meridian.common.validation.Violations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ResourceReader reads resources from YAML or JSON text, one or many documents, each in Kuma's
 * Universal form ({@code type}, {@code name}, {@code mesh}) or Kubernetes form ({@code apiVersion},
 * {@code kind}, {@code metadata}, {@code spec}). It never throws on bad input: every problem comes
 * back as an error of the document it is in, with the path of the field.
 */
public final class ResourceReader {
  public static final String API_VERSION = "kuma.io/v1alpha1";
  public static final String DEFAULT_MESH = "default";

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9._-]*[a-zA-Z0-9])?");
  private static final Pattern MESH_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final int MAX_NAME = 253;
  private static final int MAX_MESH_NAME = 63;

  /** Kubernetes object metadata a manifest may carry and Meridian does not use. */
  private static final List<String> IGNORED_METADATA =
      List.of(
          "annotations",
          "creationTimestamp",
          "uid",
          "resourceVersion",
          "generation",
          "managedFields",
          "ownerReferences",
          "finalizers",
          "selfLink");

  private ResourceReader() {}

  /** Reads every document of {@code text}; an empty document is skipped. */
  public static List<ParsedResource> read(String text) {
    if (text.length() > Json.MAX_INPUT_CHARS) {
      return List.of(
          new ParsedResource(
              0,
              null,
              List.of(
                  new Violation(
                      "",
                      "input too large: "
                          + text.length()
                          + " characters, at most "
                          + Json.MAX_INPUT_CHARS
                          + " are read; split it into several requests"))));
    }
    String trimmed = text.stripLeading();
    boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
    ObjectMapper mapper = json ? Json.MAPPER : Json.YAML;
    List<ParsedResource> out = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = mapper.readerFor(JsonNode.class).readValues(text)) {
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        if (json && doc.isArray()) {
          doc.forEach(item -> out.add(read(item, out.size())));
        } else if (!empty(doc)) {
          out.add(read(doc, out.size()));
        }
      }
    } catch (IOException | RuntimeException e) {
      out.add(new ParsedResource(out.size(), null, List.of(malformed(json, e))));
    }
    return out;
  }

  /** An empty YAML document (a stray or trailing {@code ---}) reads as an empty string. */
  private static boolean empty(JsonNode doc) {
    return doc == null
        || doc.isNull()
        || doc.isMissingNode()
        || (doc.isTextual() && doc.textValue().isEmpty());
  }

  /** Reads one document already parsed into a tree. */
  public static ParsedResource read(JsonNode doc, int index) {
    Violations v = new Violations();
    Fields top = Fields.of(doc, "", v);
    Resource resource = null;
    if (top != null) {
      boolean kubernetes = top.has("apiVersion") || top.has("kind") || top.has("metadata");
      resource = kubernetes ? kubernetes(top, v) : universal(top, v);
    }
    return new ParsedResource(index, resource, v.result().errors());
  }

  private static Resource universal(Fields top, Violations v) {
    String typeName = top.string("type");
    Optional<ResourceType> type = type(typeName, "type", v);
    String name = top.string("name");
    Map<String, String> labels = top.stringMap("labels");
    top.ignore("creationTime", "modificationTime"); // written by the API, accepted back
    if (type.isEmpty()) {
      return null;
    }
    String mesh = mesh(type.get(), top.string("mesh"), null, "mesh", v);
    checkName(type.get(), name, "name", v);
    Spec spec;
    if (type.get().specWrapped()) {
      spec = decode(type.get(), specFields(top.raw("spec"), type.get(), v));
    } else {
      spec = type.get().decode(top);
    }
    top.finish();
    return new Resource(type.get(), mesh, name == null ? "" : name, labels, null, spec);
  }

  private static Resource kubernetes(Fields top, Violations v) {
    String apiVersion = top.string("apiVersion");
    if (!API_VERSION.equals(apiVersion)) {
      v.error("apiVersion", "must be " + API_VERSION);
    }
    Optional<ResourceType> type = type(top.string("kind"), "kind", v);
    Fields metadata = top.object("metadata");
    String name = null;
    Map<String, String> labels = new LinkedHashMap<>();
    if (metadata == null) {
      v.error("metadata", "must be defined");
    } else {
      name = metadata.string("name");
      Map<String, String> written = metadata.stringMap("labels");
      if (written != null) {
        labels.putAll(written);
      }
      String namespace = metadata.string("namespace");
      if (namespace != null) {
        labels.put(Labels.K8S_NAMESPACE, namespace);
      }
      metadata.ignore(IGNORED_METADATA.toArray(String[]::new));
      metadata.finish();
    }
    top.ignore("status");
    if (type.isEmpty()) {
      return null;
    }
    String mesh = mesh(type.get(), top.string("mesh"), labels.get(Labels.MESH), "mesh", v);
    checkName(type.get(), name, "metadata.name", v);
    Spec spec = decode(type.get(), specFields(top.raw("spec"), type.get(), v));
    top.finish();
    return new Resource(type.get(), mesh, name == null ? "" : name, labels, null, spec);
  }

  /**
   * The body's fields, at the path its members have in the Universal form (see {@link
   * ResourceType#decode}); an empty body when it is missing or not an object.
   */
  private static Fields specFields(JsonNode spec, ResourceType type, Violations v) {
    if (spec != null && !spec.isObject()) {
      v.error("spec", "must be an object");
      spec = null;
    }
    JsonNode body = spec == null ? Json.MAPPER.createObjectNode() : spec;
    return Fields.of(body, type.specWrapped() ? "spec" : "", v);
  }

  private static Spec decode(ResourceType type, Fields body) {
    Spec spec = type.decode(body);
    body.finish();
    return spec;
  }

  private static Optional<ResourceType> type(String name, String field, Violations v) {
    if (name == null || name.isEmpty()) {
      v.error(field, "must be defined");
      return Optional.empty();
    }
    Optional<ResourceType> type = ResourceTypes.byName(name);
    if (type.isEmpty()) {
      v.error(field, "unknown type \"" + name + "\"; expected one of " + ResourceTypes.names());
    }
    return type;
  }

  private static String mesh(
      ResourceType type, String written, String label, String field, Violations v) {
    if (!type.meshScoped()) {
      if (written != null) {
        v.error(field, "must not be set for a Mesh");
      }
      return "";
    }
    if (written != null && label != null && !written.equals(label)) {
      v.error(field, "must equal the " + Labels.MESH + " label (\"" + label + "\")");
    }
    String mesh = written != null ? written : label != null ? label : DEFAULT_MESH;
    if (mesh.length() > MAX_MESH_NAME || !MESH_NAME.matcher(mesh).matches()) {
      v.error(field, meshNameMessage());
    }
    return mesh;
  }

  private static void checkName(ResourceType type, String name, String field, Violations v) {
    if (name == null || name.isEmpty()) {
      v.error(field, "must not be empty");
    } else if (!type.meshScoped()) {
      if (name.length() > MAX_MESH_NAME || !MESH_NAME.matcher(name).matches()) {
        v.error(field, meshNameMessage());
      }
    } else if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
      v.error(
          field,
          "invalid name: use letters, digits, '-', '_' and '.', start and end with a letter or"
              + " digit, at most "
              + MAX_NAME
              + " characters");
    }
  }

  /** The rule for mesh names, which also applies to a Mesh's own name. */
  private static String meshNameMessage() {
    return "invalid mesh name: use lower-case letters, digits and '-', start and end with a letter"
        + " or digit, at most "
        + MAX_MESH_NAME
        + " characters";
  }

  private static Violation malformed(boolean json, Exception e) {
    String what = json ? "malformed JSON" : "malformed YAML";
    if (e instanceof StreamConstraintsException) {
      // Jackson's message names its own setting; say what the user can change.
      return new Violation(
          "", what + ": nested more than " + Json.MAX_NESTING_DEPTH + " levels deep");
    }
    if (e instanceof JsonProcessingException p) {
      JsonLocation at = p.getLocation();
      String where =
          at == null || at.getLineNr() < 1
              ? ""
              : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return new Violation("", what + where + ": " + oneLine(p.getOriginalMessage()));
    }
    return new Violation("", what + ": " + oneLine(e.getMessage()));
  }

  /** Parser messages span lines and quote the input; one line per problem reads better. */
  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
