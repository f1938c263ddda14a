package dev.meridian.global.kds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.common.codec.ParsedResource;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import dev.meridian.common.store.VersionConflictException;
import java.util.List;

/** Fixtures builds the resources the KDS tests store and upload. */
final class Fixtures {
  private Fixtures() {}

  static Resource read(String yaml) {
    List<ParsedResource> parsed = ResourceReader.read(yaml);
    assertThat(parsed).hasSize(1);
    assertThat(parsed.get(0).readErrors()).isEmpty();
    return parsed.get(0).resource();
  }

  static Resource mesh(String name) {
    return read("type: Mesh\nname: " + name);
  }

  static Resource meshTrace(String mesh, String name, String url) {
    return read(
        """
        type: MeshTrace
        name: %s
        mesh: %s
        spec:
          targetRef:
            kind: Mesh
          default:
            backends:
              - zipkin:
                  url: %s
        """
            .formatted(name, mesh, url));
  }

  static Resource trafficTrace(String mesh, String name) {
    return read(
        """
        type: TrafficTrace
        name: %s
        mesh: %s
        selectors:
          - match:
              kuma.io/service: '*'
        """
            .formatted(name, mesh));
  }

  /** A MeshTrace as a zone creates it ({@code kuma.io/origin: zone}). */
  static Resource zoneMeshTrace(String zone, String mesh, String name) {
    return read(
        """
        type: MeshTrace
        name: %s
        mesh: %s
        labels:
          kuma.io/origin: zone
          kuma.io/zone: %s
        spec:
          targetRef:
            kind: Mesh
          default:
            backends:
              - zipkin:
                  url: http://collector.%s:9411/api/v2/spans
        """
            .formatted(name, mesh, zone, zone));
  }

  static String dataplaneJson(String mesh, String name, String address) {
    return """
        {"type": "Dataplane", "mesh": "%s", "name": "%s",
         "networking": {"address": "%s",
           "inbound": [{"port": 8080, "tags": {"kuma.io/service": "web"}}]}}"""
        .formatted(mesh, name, address);
  }

  static StoredResource put(ResourceStore store, Resource resource) {
    try {
      return store.put(resource, ResourceStore.ANY);
    } catch (VersionConflictException e) {
      throw new AssertionError(e);
    }
  }

  static void delete(ResourceStore store, ResourceKey key) {
    try {
      store.delete(key, ResourceStore.ANY);
    } catch (VersionConflictException e) {
      throw new AssertionError(e);
    }
  }
}
