package dev.meridian.common.policy.traffictrace;

import dev.meridian.common.resource.ResourceType;

/** TrafficTraces declares the TrafficTrace resource type. */
public final class TrafficTraces {
  public static final ResourceType TYPE =
      new ResourceType(
          "TrafficTrace",
          "traffic-traces",
          true,
          false,
          TrafficTraceDecoder::decode,
          TrafficTraceValidator::validate);

  private TrafficTraces() {}
}
