package dev.meridian.common.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ValueParsers holds the parsers of the common kinds of setting: ports, paths, addresses, sizes.
 */
public final class ValueParsers {
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[?[0-9A-Fa-f:.]+]?");
  private static final Pattern SIZE =
      Pattern.compile("(\\d{1,12})\\s*(|B|KiB|MiB|GiB)", Pattern.CASE_INSENSITIVE);

  private ValueParsers() {}

  /** A TCP port, 1-65535. */
  public static int port(String text) {
    try {
      int port = Integer.parseInt(text.strip());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below, with the accepted range
    }
    throw new IllegalArgumentException("is not a port (1-65535)");
  }

  /** A file system path; relative paths are relative to the working directory. */
  public static Path path(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("is not a path (it is empty)");
    }
    try {
      return Path.of(text.strip());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("is not a path (" + e.getReason() + ")");
    }
  }

  /** An address to listen on: an IP such as 127.0.0.1, 0.0.0.0 or ::1, or a host name. */
  public static String address(String text) {
    String host = text.strip();
    if (host.isEmpty() || !HOST.matcher(host).matches()) {
      throw new IllegalArgumentException(
          "is not an address to listen on (an IP such as 127.0.0.1 or 0.0.0.0, or a host name)");
    }
    return host;
  }

  /** A size in bytes: a number of bytes, or a number with KiB, MiB or GiB, e.g. {@code 1MiB}. */
  public static long size(String text) {
    Matcher m = SIZE.matcher(text.strip());
    long bytes = -1;
    if (m.matches()) {
      long number = Long.parseLong(m.group(1));
      bytes =
          switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "kib" -> number << 10;
            case "mib" -> number << 20;
            case "gib" -> number << 30;
            default -> number;
          };
    }
    if (bytes < 1 || bytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "is not a size (bytes from 1 to 2GiB, as a number or with KiB, MiB or GiB, e.g. 1MiB)");
    }
    return bytes;
  }
}
