package dev.meridian.node.api;

import java.util.List;
import java.util.Optional;

/**
 * ZoneView is what the API needs to know of the zones: the KDS server's zone registry, seen through
 * an adapter, so that the API does not depend on the KDS server.
 */
public interface ZoneView {
  /** No zone has ever connected: the view of a node whose KDS server is not running. */
  ZoneView NONE = List::of;

  /** Every zone that has connected at least once, in name order. */
  List<ZoneStatusView> list();

  default Optional<ZoneStatusView> get(String name) {
    return list().stream().filter(z -> z.name().equals(name)).findFirst();
  }
}
