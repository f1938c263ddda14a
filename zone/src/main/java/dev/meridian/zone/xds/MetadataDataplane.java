package dev.meridian.zone.xds;

import dev.meridian.common.codec.ParsedResource;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.dataplane.Dataplanes;
import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ValidationContext;
import dev.meridian.common.validation.ValidationResult;
import dev.meridian.common.validation.Violation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * MetadataDataplane reads the Dataplane a proxy describes itself with: node metadata field {@value
 * #KEY}, a string holding one Dataplane resource in Kuma's Universal JSON (or YAML) form, whose
 * mesh and name must be those of the node id. The result carries {@code kuma.io/origin: zone} and
 * {@code kuma.io/zone: <zone>}.
 */
final class MetadataDataplane {
  static final String KEY = "dataplane";

  private MetadataDataplane() {}

  /** Thrown with every problem of the metadata, each naming its field. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  static Resource parse(String text, NodeIds.DataplaneRef ref, String zone) throws Invalid {
    List<ParsedResource> docs = ResourceReader.read(text);
    if (docs.size() != 1) {
      throw new Invalid(
          "node metadata '" + KEY + "': expected one Dataplane resource, found " + docs.size());
    }
    ParsedResource parsed = docs.get(0);
    ValidationResult result = parsed.validate(ValidationContext.EMPTY);
    if (!result.isValid()) {
      throw new Invalid(
          "node metadata '"
              + KEY
              + "': "
              + result.errors().stream()
                  .map(Violation::toString)
                  .collect(Collectors.joining("; ")));
    }
    Resource r = parsed.resource();
    if (r.type() != Dataplanes.TYPE
        || !r.mesh().equals(ref.mesh())
        || !r.name().equals(ref.name())) {
      throw new Invalid(
          "node metadata '"
              + KEY
              + "' holds "
              + r
              + " (expected: Dataplane "
              + ref.mesh()
              + "/"
              + ref.name()
              + ", as the node id "
              + ref.nodeId()
              + " says)");
    }
    Map<String, String> labels = new HashMap<>(r.labels());
    labels.put(Labels.ORIGIN, Labels.ORIGIN_ZONE);
    labels.put(Labels.ZONE, zone);
    return new Resource(r.type(), r.mesh(), r.name(), labels, r.creationTime(), r.spec());
  }
}
