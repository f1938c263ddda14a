package dev.meridian.bench.scale;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Chart draws the propagation distributions as cumulative curves on a log time axis (PNG). */
final class Chart {
  private static final int POINTS = 400;

  private Chart() {}

  /** {@code series}: latencies in nanoseconds by name, drawn in the map's order. */
  static void write(Path png, String title, Map<String, long[]> series) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(520)
            .title(title)
            .xAxisTitle("ms from the change to the dataplane's listener (log)")
            .yAxisTitle("fraction of dataplanes")
            .build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern("0.0");
    chart.getStyler().setYAxisTickMarkSpacingHint(50);
    series.forEach(
        (name, nanos) -> {
          double[][] cdf = cdf(nanos);
          chart.addSeries(name, cdf[0], cdf[1]).setMarker(SeriesMarkers.NONE);
        });
    try (OutputStream out = Files.newOutputStream(png)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
  }

  /** At most {@value #POINTS} points (ms, fraction at or below), always with the maximum. */
  static double[][] cdf(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int points = Math.min(POINTS, sorted.length);
    double[] x = new double[points];
    double[] y = new double[points];
    for (int p = 0; p < points; p++) {
      int i = (int) ((long) (p + 1) * sorted.length / points) - 1;
      x[p] = Math.max(sorted[i], 1_000) / 1e6;
      y[p] = (i + 1) / (double) sorted.length;
    }
    return new double[][] {x, y};
  }
}
