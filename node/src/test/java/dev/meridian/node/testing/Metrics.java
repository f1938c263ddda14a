package dev.meridian.node.testing;

/** Metrics reads one sample from a Prometheus text exposition. */
public final class Metrics {
  private Metrics() {}

  /**
   * The value of the sample whose name and labels are {@code sample} (labels as the registry writes
   * them, e.g. {@code kds_connected} or {@code kds_pushes_total{zone_name="east"}}); -1 if absent.
   */
  public static double sample(String text, String sample) {
    for (String line : text.split("\n")) {
      if (line.startsWith(sample + " ")) {
        return Double.parseDouble(line.substring(sample.length() + 1).strip());
      }
    }
    return -1;
  }
}
