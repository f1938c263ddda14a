package dev.meridian.ctl.output;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Age prints how long ago a timestamp was, in kubectl's short form: 45s, 12m, 3h, 5d. */
public final class Age {
  private Age() {}

  /** {@code -} for a missing timestamp, the text itself when it is not ISO-8601. */
  public static String since(String timestamp, Instant now) {
    if (timestamp == null || timestamp.isEmpty()) {
      return "-";
    }
    try {
      return of(Duration.between(Instant.parse(timestamp), now));
    } catch (DateTimeParseException e) {
      return timestamp;
    }
  }

  static String of(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 120) {
      return s + "s";
    }
    if (s < 2 * 3600) {
      return s / 60 + "m";
    }
    if (s < 2 * 86400) {
      return s / 3600 + "h";
    }
    return s / 86400 + "d";
  }
}
