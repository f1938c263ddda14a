package dev.meridian.common.policy.meshtrace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.parse.Fields;
import dev.meridian.common.resource.ResourceType;
import dev.meridian.common.validation.Violations;

/** MeshTraces declares the MeshTrace resource type. */
public final class MeshTraces {
  public static final ResourceType TYPE =
      new ResourceType(
          "MeshTrace",
          "meshtraces",
          true,
          true,
          MeshTraceDecoder::decode,
          MeshTraceValidator::validate);

  private MeshTraces() {}

  /** Reads a conf that was written by Meridian itself, such as the result of a merge. */
  public static MeshTraceConf readConf(JsonNode json) {
    Violations violations = new Violations();
    MeshTraceConf conf = MeshTraceDecoder.conf(Fields.of(json, "spec.default", violations));
    if (violations.hasErrors()) {
      throw new IllegalArgumentException("not a MeshTrace conf: " + violations.result().errors());
    }
    return conf;
  }
}
