package dev.meridian.global.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ClusterSettings say whether a global runs as one replica of a Pekko cluster: the seed replicas
 * ({@code host:port} of their cluster ports; none means standalone), the host the other replicas
 * reach this one at and its cluster port, how many replicas the cluster has (a majority of it must
 * hold every write) and how long the split brain resolver waits for a stable membership before it
 * downs unreachable replicas.
 */
public record ClusterSettings(
    List<String> seeds, String host, int port, int size, Duration stableAfter) {
  private static final Pattern SEED = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]):(\\d+)");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(ms|s)");

  /** Standalone: no cluster. */
  public static final ClusterSettings NONE = new ClusterSettings(List.of(), null, 25520, 0, null);

  /** Addresses that mean "every interface": fine to listen on, impossible to dial. */
  static final List<String> WILDCARDS = List.of("0.0.0.0", "::", "[::]");

  public ClusterSettings {
    seeds = List.copyOf(seeds);
    if (!seeds.isEmpty()) {
      Objects.requireNonNull(stableAfter, "stableAfter");
      Objects.requireNonNull(host, "host");
      if (size < 1) {
        throw new IllegalArgumentException("size " + size + " (expected: > 0)");
      }
    }
  }

  public boolean enabled() {
    return !seeds.isEmpty();
  }

  /** How many replicas must hold a write: a majority of {@link #size}. */
  public int majority() {
    return size / 2 + 1;
  }

  /** Parses {@code host:port[,host:port...]}; empty means standalone. */
  static List<String> seeds(String text) {
    if (text.isBlank()) {
      return List.of();
    }
    List<String> seeds = List.of(text.strip().split("\\s*,\\s*"));
    for (String seed : seeds) {
      Matcher m = SEED.matcher(seed);
      if (!m.matches()
          || Integer.parseInt(m.group(2)) < 1
          || Integer.parseInt(m.group(2)) > 65535) {
        throw new IllegalArgumentException(
            "is not a list of seed replicas (host:port of their cluster ports, comma-separated,"
                + " e.g. 10.0.0.1:25520,10.0.0.2:25520,10.0.0.3:25520); \""
                + seed
                + "\" is not host:port");
      }
    }
    return seeds;
  }

  /** {@code host:port} of this replica, as it appears among the seeds. */
  public String self() {
    return host + ":" + port;
  }

  /** A host name or address to dial, not a wildcard; empty means "the bind address". */
  static String host(String text) {
    String host = text.strip();
    if (host.isEmpty()) {
      return "";
    }
    if (WILDCARDS.contains(host) || !HOST.matcher(host).matches()) {
      throw new IllegalArgumentException(
          "is not a host name or address other replicas can dial (e.g. 10.0.0.1 or"
              + " global-0.meridian.svc)");
    }
    return host;
  }

  /** A whole number of replicas, 1-99; 0 means "as many as there are seeds". */
  static int size(String text) {
    try {
      int size = Integer.parseInt(text.strip());
      if (size >= 0 && size < 100) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "is not a number of replicas (1-99, or 0 for the number of seed replicas)");
  }

  /** A duration in seconds or milliseconds, e.g. {@code 20s} or {@code 500ms}. */
  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("is not a duration (a number with s or ms, e.g. 20s)");
    }
    long n = Long.parseLong(m.group(1));
    return m.group(2).equals("ms") ? Duration.ofMillis(n) : Duration.ofSeconds(n);
  }
}
