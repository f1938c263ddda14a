package dev.meridian.zone.config;

import dev.meridian.common.config.ValueParsers;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ZoneParsers holds the parsers of the settings only a zone has. Each message follows the quoted
 * value, as {@link dev.meridian.common.config.Setting.ValueParser} asks.
 */
final class ZoneParsers {
  /** Kuma's rule for zone names: a DNS label. */
  static final Pattern ZONE_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:\\[\\]]+):(.*)");
  private static final Pattern DURATION =
      Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)", Pattern.CASE_INSENSITIVE);

  private ZoneParsers() {}

  static String zoneName(String text) {
    String name = text.strip();
    if (name.length() > 63 || !ZONE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "is not a zone name (a DNS label: lower-case letters, digits and '-', starting and"
              + " ending with a letter or digit, at most 63 characters, e.g. east)");
    }
    return name;
  }

  /**
   * {@code host:port}, e.g. {@code 127.0.0.1:5685}, {@code global.example:5685}, {@code
   * [::1]:5685}.
   */
  static HostPort hostPort(String text) {
    Matcher m = HOST_PORT.matcher(text.strip());
    String problem = "is not host:port (e.g. 127.0.0.1:5685 or [::1]:5685)";
    if (!m.matches()) {
      throw new IllegalArgumentException(problem);
    }
    String host = m.group(1);
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new HostPort(ValueParsers.address(host), ValueParsers.port(m.group(2)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(problem, e);
    }
  }

  /**
   * One or more {@code host:port}, comma-separated: the replicas of one global, e.g. {@code
   * 10.0.0.1:5685,10.0.0.2:5685}.
   */
  static List<HostPort> hostPorts(String text) {
    String[] items = text.split(",", -1);
    List<HostPort> addresses = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      try {
        addresses.add(hostPort(items[i]));
      } catch (IllegalArgumentException e) {
        if (items.length == 1) {
          throw e;
        }
        throw new IllegalArgumentException(
            "is not a comma-separated list of host:port (entry "
                + (i + 1)
                + " \""
                + items[i].strip()
                + "\" is not host:port; e.g. 10.0.0.1:5685,10.0.0.2:5685)",
            e);
      }
    }
    return addresses;
  }

  /** A duration: a whole number with ms, s, m or h ({@code 30s}), or ISO-8601 ({@code PT30S}). */
  static Duration duration(String text) {
    String value = text.strip();
    Duration duration = null;
    Matcher m = DURATION.matcher(value);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      duration =
          switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
          };
    } else if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
      try {
        duration = Duration.parse(value);
      } catch (DateTimeParseException e) {
        duration = null;
      }
    }
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException(
          "is not a duration (a whole number with ms, s, m or h, e.g. 30s or 500ms)");
    }
    return duration;
  }

  /** A comma-separated list of host names or IPs; empty for none. */
  static List<String> hostList(String text) {
    List<String> hosts = new ArrayList<>();
    if (text.isBlank()) {
      return hosts;
    }
    String[] items = text.split(",", -1);
    for (int i = 0; i < items.length; i++) {
      String item = items[i].strip();
      try {
        hosts.add(ValueParsers.address(item));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "is not a comma-separated list of hosts (entry "
                + (i + 1)
                + " \""
                + item
                + "\" is not a host name or IP; e.g. collector.east,10.0.0.7)",
            e);
      }
    }
    return hosts;
  }

  /** A path for a setting whose default depends on other settings. */
  static Optional<java.nio.file.Path> optionalPath(String text) {
    return Optional.of(ValueParsers.path(text));
  }
}
