package dev.meridian.common.dataplane;

import dev.meridian.common.resource.ResourceType;

/** Dataplanes declares the Dataplane resource type. */
public final class Dataplanes {
  public static final ResourceType TYPE =
      new ResourceType(
          "Dataplane",
          "dataplanes",
          true,
          false,
          DataplaneDecoder::decode,
          DataplaneValidator::validate);

  private Dataplanes() {}
}
