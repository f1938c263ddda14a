package dev.meridian.bench.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Heap reads a running JVM's used heap right after a full GC, through {@code jcmd}. */
final class Heap {
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private Heap() {}

  /** Bytes of heap {@code pid} uses after {@code GC.run} (a full collection under G1). */
  static long usedAfterFullGc(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    return parseUsed(jcmd(pid, "GC.heap_info"));
  }

  /** The first {@code used NNNK} of a {@code GC.heap_info} answer (the whole heap), in bytes. */
  static long parseUsed(String heapInfo) {
    Matcher m = USED.matcher(heapInfo);
    if (!m.find()) {
      throw new IllegalArgumentException("no 'used NNNK' in GC.heap_info output: " + heapInfo);
    }
    return Long.parseLong(m.group(1)) * 1024;
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process p =
        new ProcessBuilder(List.of(jcmd, Long.toString(pid), command))
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + command + " failed: " + output);
    }
    return output;
  }
}
