package dev.meridian.ctl.http;

import java.time.Duration;
import java.util.Objects;

/** How long to wait for a connection and for a whole answer. */
public record Timeouts(Duration connect, Duration request) {
  /** 5 s to connect, 30 s for an answer: a large list page or a slow store still fits. */
  public static final Timeouts DEFAULT =
      new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));

  public Timeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(request, "request");
  }
}
