package dev.meridian.zone.kds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.codec.ParsedResource;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.parse.Json;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.resource.ValidationContext;
import dev.meridian.common.store.ResourceStore;
import dev.meridian.common.store.StoredResource;
import dev.meridian.common.validation.Violation;
import dev.meridian.proto.kds.v1.Ack;
import dev.meridian.proto.kds.v1.GlobalPush;
import dev.meridian.proto.kds.v1.HeldResource;
import dev.meridian.proto.kds.v1.Nack;
import dev.meridian.proto.kds.v1.ResourceId;
import dev.meridian.proto.kds.v1.ZoneRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PushApplier applies a {@link GlobalPush} to the zone's local store and says how to answer it.
 * Each upsert is read and validated as the HTTP API would; the valid ones are written with their
 * KDS revision in the {@value Synced#KDS_REVISION} label, together with the removals, in one
 * commit; an invalid one is not written (the previous version stays) and the push is NACKed naming
 * it and every problem. Not thread-safe: the client's executor calls it.
 */
final class PushApplier {
  private final ResourceStore store;
  private final ValidationContext lookup;

  PushApplier(ResourceStore store) {
    this.store = store;
    this.lookup =
        (type, mesh, name) ->
            store.get(ResourceKey.of(type, mesh, name)).map(StoredResource::resource);
  }

  /** The answer to a push, and how many of its resources were rejected. */
  record Applied(ZoneRequest answer, int rejected) {
    boolean acked() {
      return answer.hasAck();
    }
  }

  /** Applies the upserts in order, then the removals; answers ACK, or NACK with what was not. */
  Applied apply(GlobalPush push) {
    List<ResourceId> rejected = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<Resource> upserts = new ArrayList<>();
    List<ResourceKey> removals = new ArrayList<>();
    for (dev.meridian.proto.kds.v1.Resource upsert : push.getUpsertsList()) {
      List<String> problems = new ArrayList<>();
      Resource resource = decode(upsert, problems);
      if (resource == null) {
        rejected.add(upsert.getId());
        errors.add(Wire.describe(upsert.getId()) + ": " + String.join("; ", problems));
      } else {
        upserts.add(resource);
      }
    }
    for (ResourceId removal : push.getRemovalsList()) {
      if (Synced.pushedType(removal.getType())) {
        removals.add(Wire.globalKey(removal));
      } else {
        rejected.add(removal);
        errors.add(Wire.describe(removal) + ": " + typeProblem(removal.getType()));
      }
    }
    store.apply(upserts, removals);
    if (rejected.isEmpty()) {
      Ack ack = Ack.newBuilder().setNonce(push.getNonce()).build();
      return new Applied(ZoneRequest.newBuilder().setAck(ack).build(), 0);
    }
    Nack nack =
        Nack.newBuilder()
            .setNonce(push.getNonce())
            .setErrorDetail(String.join(" | ", errors))
            .addAllRejected(rejected)
            .build();
    return new Applied(ZoneRequest.newBuilder().setNack(nack).build(), rejected.size());
  }

  /** What the zone holds of the global's resources, at the revision each was pushed. */
  List<HeldResource> held() {
    List<HeldResource> held = new ArrayList<>();
    for (String type : Synced.PUSHED_TYPES) {
      for (StoredResource stored : store.list(type, null)) {
        Resource r = stored.resource();
        long revision = revision(r);
        if (!r.isZoneOrigin() && revision > 0) {
          held.add(HeldResource.newBuilder().setId(Wire.id(r.key())).setRevision(revision).build());
        }
      }
    }
    return held;
  }

  /** The KDS revision recorded on a pushed resource; 0 when it was not pushed. */
  static long revision(Resource resource) {
    String value = resource.label(Synced.KDS_REVISION);
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The resource to store, or null with {@code problems} saying why not. */
  private Resource decode(dev.meridian.proto.kds.v1.Resource upsert, List<String> problems) {
    ResourceId id = upsert.getId();
    if (!Synced.pushedType(id.getType())) {
      problems.add(typeProblem(id.getType()));
      return null;
    }
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(upsert.getUniversalJson().toByteArray());
    } catch (IOException e) {
      problems.add("malformed JSON: " + oneLine(e.getMessage()));
      return null;
    }
    if (tree == null || !tree.isObject()) {
      problems.add("must be a JSON object in the Universal form");
      return null;
    }
    ParsedResource parsed = ResourceReader.read(tree, 0);
    parsed.validate(lookup).errors().stream().map(Violation::toString).forEach(problems::add);
    Resource read = parsed.resource();
    if (read == null) {
      return null;
    }
    if (!Wire.globalKey(id).equals(read.key())) {
      problems.add("the JSON is " + read.key() + " but the push's id says " + Wire.describe(id));
    }
    if (read.isZoneOrigin()) {
      problems.add("labels: a push carries only the global's resources, not a zone's");
    }
    if (!problems.isEmpty()) {
      return null;
    }
    Map<String, String> labels = new HashMap<>(read.labels());
    labels.put(Synced.KDS_REVISION, Long.toString(upsert.getRevision()));
    return new Resource(read.type(), read.mesh(), read.name(), labels, null, read.spec());
  }

  private static String typeProblem(String type) {
    return "type: the global pushes " + Synced.PUSHED_TYPES + ", not \"" + type + "\"";
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
