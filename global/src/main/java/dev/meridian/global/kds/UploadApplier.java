package dev.meridian.global.kds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.codec.ParsedResource;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.codec.ResourceWriter;
import dev.meridian.common.parse.Json;
import dev.meridian.common.policy.mesh.Meshes;
import dev.meridian.common.resource.Labels;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.resource.ValidationContext;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import dev.meridian.common.validation.ValidationResult;
import dev.meridian.proto.kds.v1.Rejection;
import dev.meridian.proto.kds.v1.ResourceId;
import dev.meridian.proto.kds.v1.UploadAck;
import dev.meridian.proto.kds.v1.Violation;
import dev.meridian.proto.kds.v1.ZoneUpload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UploadApplier stores what a zone uploads: each resource is read and validated as the HTTP API
 * would, labelled {@code kuma.io/origin: zone} and {@code kuma.io/zone: <zone>} (so it is keyed
 * under its zone) and written only when its content changed, all of one upload in one commit. An
 * invalid resource is rejected with every problem found and what was stored for it before stays.
 */
final class UploadApplier {
  private final ResourceStore store;
  private final ValidationContext lookup;

  UploadApplier(ResourceStore store) {
    this.store = store;
    this.lookup =
        (type, mesh, name) ->
            store.get(ResourceKey.of(type, mesh, name)).map(StoredResource::resource);
  }

  /** Outcome of one upload: the ack to send and how many resources were written or removed. */
  record Applied(UploadAck ack, int changed, int rejected) {}

  Applied apply(String zone, ZoneUpload upload) {
    store.catchUp();
    List<Rejection> rejections = new ArrayList<>();
    Set<ResourceKey> listed = new HashSet<>();
    List<Resource> upserts = new ArrayList<>();
    List<ResourceKey> removals = new ArrayList<>();
    for (dev.meridian.proto.kds.v1.Resource r : upload.getUpsertsList()) {
      List<Violation> problems = new ArrayList<>();
      Resource resource = decode(zone, r, problems);
      if (Syncable.UPLOADED.contains(r.getId().getType())) {
        listed.add(Wire.key(r.getId(), zone));
      }
      if (resource == null) {
        rejections.add(Rejection.newBuilder().setId(r.getId()).addAllViolations(problems).build());
      } else if (changed(resource)) {
        upserts.add(resource);
      }
    }
    for (ResourceId id : upload.getRemovalsList()) {
      if (!Syncable.UPLOADED.contains(id.getType())) {
        rejections.add(
            Rejection.newBuilder().setId(id).addViolations(typeViolation(id.getType())).build());
      } else if (store.get(Wire.key(id, zone)).isPresent()) {
        removals.add(Wire.key(id, zone));
      }
    }
    if (upload.getFull()) {
      removals.addAll(unlisted(zone, listed));
    }
    store.apply(upserts, removals);
    UploadAck ack =
        UploadAck.newBuilder()
            .setNonce(upload.getNonce())
            .addAllRejected(rejections)
            .setRevision(store.revision())
            .build();
    return new Applied(ack, upserts.size() + removals.size(), rejections.size());
  }

  /** The resource to store, or null with {@code problems} saying why not. */
  private Resource decode(
      String zone, dev.meridian.proto.kds.v1.Resource upload, List<Violation> problems) {
    ResourceId id = upload.getId();
    if (!Syncable.UPLOADED.contains(id.getType())) {
      problems.add(typeViolation(id.getType()));
      return null;
    }
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(upload.getUniversalJson().toByteArray());
    } catch (JsonProcessingException e) {
      problems.add(violation("", "malformed JSON: " + oneLine(e.getOriginalMessage())));
      return null;
    } catch (IOException e) {
      problems.add(violation("", "unreadable JSON: " + oneLine(e.getMessage())));
      return null;
    }
    if (tree == null || !tree.isObject()) {
      problems.add(violation("", "must be a JSON object in the Universal form"));
      return null;
    }
    ParsedResource parsed = ResourceReader.read(tree, 0);
    ValidationResult result = parsed.validate(lookup);
    result.errors().forEach(v -> problems.add(violation(v.field(), v.message())));
    Resource read = parsed.resource();
    if (read == null) {
      return null;
    }
    checkId(id, read, problems);
    Map<String, String> labels = new HashMap<>(read.labels());
    checkLabel(labels, Labels.ORIGIN, Labels.ORIGIN_ZONE, "a zone uploads only its own", problems);
    checkLabel(labels, Labels.ZONE, zone, "this stream belongs to zone \"" + zone + "\"", problems);
    if (store.get(ResourceKey.of(Meshes.TYPE.name(), "", read.mesh())).isEmpty()) {
      problems.add(violation("mesh", "mesh \"" + read.mesh() + "\" does not exist on the global"));
    }
    if (!problems.isEmpty()) {
      return null;
    }
    labels.put(Labels.ORIGIN, Labels.ORIGIN_ZONE);
    labels.put(Labels.ZONE, zone);
    return new Resource(read.type(), read.mesh(), read.name(), labels, null, read.spec());
  }

  private static void checkId(ResourceId id, Resource read, List<Violation> problems) {
    if (!read.type().name().equals(id.getType())) {
      problems.add(mismatch("type", read.type().name(), id.getType()));
    }
    if (!read.mesh().equals(id.getMesh())) {
      problems.add(mismatch("mesh", read.mesh(), id.getMesh()));
    }
    if (!read.name().equals(id.getName())) {
      problems.add(mismatch("name", read.name(), id.getName()));
    }
  }

  private static Violation mismatch(String field, String written, String declared) {
    return violation(field, "is \"" + written + "\" but the upload's id says \"" + declared + "\"");
  }

  private static void checkLabel(
      Map<String, String> labels,
      String key,
      String expected,
      String why,
      List<Violation> problems) {
    String value = labels.get(key);
    if (value != null && !value.equals(expected)) {
      problems.add(
          violation(
              "labels[\"" + key + "\"]",
              "must be \"" + expected + "\" (" + why + "), not \"" + value + "\""));
    }
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  private static Violation typeViolation(String type) {
    return violation(
        "type", "a zone uploads Dataplane and MeshTrace resources, not \"" + type + "\"");
  }

  private static Violation violation(String field, String message) {
    return Violation.newBuilder().setField(field).setMessage(message).build();
  }

  /** Whether {@code resource} differs from what the store holds for it. */
  private boolean changed(Resource resource) {
    StoredResource current = store.get(resource.key()).orElse(null);
    return current == null || !sameContent(current.resource(), resource);
  }

  /** What the store holds for {@code zone} and a full inventory did not list. */
  private List<ResourceKey> unlisted(String zone, Set<ResourceKey> listed) {
    List<ResourceKey> unlisted = new ArrayList<>();
    for (String type : Syncable.UPLOADED) {
      for (StoredResource stored : store.list(type, null)) {
        ResourceKey key = stored.resource().key();
        if (key.zone().equals(zone) && !listed.contains(key)) {
          unlisted.add(key);
        }
      }
    }
    return unlisted;
  }

  private static boolean sameContent(Resource a, Resource b) {
    return ResourceWriter.toUniversal(a.withCreationTime(null))
        .equals(ResourceWriter.toUniversal(b.withCreationTime(null)));
  }
}
