package dev.meridian.common.resource;

/** Well-known label and tag keys, spelled as Kuma spells them. */
public final class Labels {
  public static final String ORIGIN = "kuma.io/origin";
  public static final String ZONE = "kuma.io/zone";
  public static final String MESH = "kuma.io/mesh";
  public static final String SERVICE = "kuma.io/service";
  public static final String PROTOCOL = "kuma.io/protocol";
  public static final String K8S_NAMESPACE = "k8s.kuma.io/namespace";
  public static final String ORIGIN_ZONE = "zone";
  public static final String ORIGIN_GLOBAL = "global";

  private Labels() {}
}
