package dev.meridian.bench.scale;

import java.io.PrintWriter;

/** Summary prints a report as the table {@code bench/README.md} shows. */
final class Summary {
  private Summary() {}

  static void print(Report r, PrintWriter out) {
    out.printf(
        "%nMeridian scale run: %d dataplanes (east %d, west %d), %d round(s), %d cores, Java %s%n%n",
        r.dataplanes(),
        r.zoneMemory().get("east").dataplanes(),
        r.zoneMemory().get("west").dataplanes(),
        r.rounds(),
        r.machine().cores(),
        r.machine().java());
    out.printf(
        "%-26s %9s %9s %9s %9s %9s %9s %17s%n",
        "propagation (ms)",
        "p50",
        "p99",
        "max",
        "floor p50",
        "floor p99",
        "floor max",
        "x floor p50/p99/max");
    propagation(out, "mesh-wide", r.meshWide());
    propagation(out, "zone-targeted (" + Workload.TARGET_ZONE + ")", r.zoneTargeted());
    Report.Isolation i = r.isolation();
    out.printf(
        "%nzone-targeted change seen by %s: %d xDS responses (must be 0); %s %.0f -> %.0f (target: no change)%n",
        i.zone(), i.responses(), ScaleRun.GENERATIONS, i.generationsBefore(), i.generationsAfter());
    out.println();
    r.zoneMemory()
        .forEach(
            (zone, m) ->
                out.printf(
                    "zone memory %-5s %,12d B per dataplane (heap after full GC: %,d KiB without, %,d KiB with %d dataplanes)%n",
                    zone,
                    m.bytesPerDataplane(),
                    m.baselineBytes() / 1024,
                    m.withDataplanesBytes() / 1024,
                    m.dataplanes()));
    writes(out, r.globalWrites());
    if (r.replicatedGlobalWrites() != null) {
      writes(out, r.replicatedGlobalWrites());
    }
    out.printf(
        "join              %,12.0f ms to ready, %,.0f ms to the first dataplane's listener (%d MeshTraces)%n",
        r.join().readyMs(), r.join().firstListenerMs(), r.join().policies());
    out.printf("run               %,12.1f s%n", r.seconds());
    r.problems().forEach(p -> out.println("PROBLEM: " + p));
    out.flush();
  }

  private static void writes(PrintWriter out, Report.Writes w) {
    out.printf(
        "global writes     %,12.0f policies/s (%d replica(s), %d MeshTraces, %d clients, %.1f s)%n",
        w.perSecond(), w.replicas(), w.policies(), w.clients(), w.seconds());
  }

  private static void propagation(PrintWriter out, String name, Report.Propagation p) {
    out.printf(
        "%-26s %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %5.1f/%4.1f/%5.1f%n",
        name,
        p.meridian().p50Ms(),
        p.meridian().p99Ms(),
        p.meridian().maxMs(),
        p.floor().p50Ms(),
        p.floor().p99Ms(),
        p.floor().maxMs(),
        p.ratio().p50(),
        p.ratio().p99(),
        p.ratio().max());
  }
}
