package dev.meridian.node.api;

import dev.meridian.common.store.ResourceStore;

/**
 * IfMatch reads the {@code If-Match} header: a version as in an {@code ETag} (quoted or not), or
 * {@code 0} for "create only". Without it a write replaces whatever is stored.
 */
final class IfMatch {
  static final String HEADER = "If-Match";

  private IfMatch() {}

  /** The expected version, or {@link ResourceStore#ANY} when the header is absent. */
  static long expectedVersion(String header, String title) {
    if (header == null || header.isBlank()) {
      return ResourceStore.ANY;
    }
    String text = header.strip();
    if (text.startsWith("W/")) {
      text = text.substring(2);
    }
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      text = text.substring(1, text.length() - 1);
    }
    try {
      long version = Long.parseLong(text);
      if (version >= 0) {
        return version;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badParameter(
        title,
        HEADER,
        "\""
            + header
            + "\" is not a version; send the ETag of a GET, or 0 to create only when absent");
  }
}
