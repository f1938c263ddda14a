package dev.meridian.common.policy.meshtrace;

import dev.meridian.common.resource.ResourceType;

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
}
