package dev.meridian.ctl;

import dev.meridian.ctl.http.ApiPath;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Kind is a TYPE argument of get and delete: its spellings and its paths in the HTTP API. */
enum Kind {
  MESHES("Mesh", "meshes", "mesh"),
  MESHTRACES("MeshTrace", "meshtraces", "meshtrace"),
  TRAFFIC_TRACES("TrafficTrace", "traffic-traces", "traffictraces", "traffic-trace"),
  DATAPLANES("Dataplane", "dataplanes", "dataplane"),
  ZONES("Zone", "zones", "zone");

  private final String typeName;
  private final List<String> spellings;

  Kind(String typeName, String... spellings) {
    this.typeName = typeName;
    this.spellings = List.of(spellings);
  }

  /** {@code MeshTrace}, as the Universal form's {@code type}. */
  String typeName() {
    return typeName;
  }

  /** The path segment, e.g. {@code traffic-traces}; the first spelling. */
  String collection() {
    return spellings.get(0);
  }

  /** False for Meshes and Zones, which belong to no mesh. */
  boolean meshScoped() {
    return this != MESHES && this != ZONES;
  }

  String listPath(String mesh, boolean allMeshes) {
    if (!meshScoped() || allMeshes) {
      return ApiPath.of(collection());
    }
    return ApiPath.of("meshes", mesh, collection());
  }

  String itemPath(String mesh, String name) {
    if (!meshScoped()) {
      return ApiPath.of(collection(), name);
    }
    return ApiPath.of("meshes", mesh, collection(), name);
  }

  /** {@code MeshTrace a in mesh default}, {@code Mesh default}: for "not found" messages. */
  String describe(String mesh, String name) {
    return meshScoped() ? typeName + " " + name + " in mesh " + mesh : typeName + " " + name;
  }

  static String expected() {
    return String.join(", ", Arrays.stream(values()).map(Kind::collection).toList());
  }

  /** Reads any spelling; anything else is a usage error listing the types. */
  static final class Converter implements ITypeConverter<Kind> {
    @Override
    public Kind convert(String value) {
      return Arrays.stream(values())
          .filter(k -> k.spellings.contains(value))
          .findFirst()
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "unknown type \"" + value + "\"; expected one of " + expected()));
    }
  }
}
