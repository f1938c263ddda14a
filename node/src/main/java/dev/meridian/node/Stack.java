package dev.meridian.node;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Stack holds what a node started, to close it in reverse order; each close runs even when an
 * earlier one failed. Used from the thread that starts and stops the node.
 */
public final class Stack {
  private final List<AutoCloseable> started = new ArrayList<>();

  public <T extends AutoCloseable> T push(T resource) {
    started.add(resource);
    return resource;
  }

  /** Closes everything, newest first; returns false when there was nothing to close. */
  public boolean closeAll(Logger log) {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        log.warn("stopping {} failed", started.get(i).getClass().getSimpleName(), e);
      }
    }
    boolean any = !started.isEmpty();
    started.clear();
    return any;
  }
}
