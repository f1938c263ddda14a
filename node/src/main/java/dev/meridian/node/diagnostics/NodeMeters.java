package dev.meridian.node.diagnostics;

import dev.meridian.common.codec.ResourceTypes;
import dev.meridian.common.resource.ResourceType;
import dev.meridian.common.store.ResourceStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * NodeMeters owns a node's Prometheus registry: the JVM and process binders, and a gauge of the
 * store's resources per type (computed on scrape).
 */
public final class NodeMeters implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public NodeMeters() {
    // promtool check metrics flags two of Micrometer's processor meters: system_cpu_count
    // ("_count" is for histograms and summaries) and process_cpu_time_ns_total (abbreviated unit).
    // Renamed and dropped here, before any meter exists, so that a scrape lints clean.
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
              }
            })
        .meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"));
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Adds {@code meridian_resources{type}}: the resources of each type in {@code store}. */
  public void gaugeResources(ResourceStore store) {
    for (ResourceType type : ResourceTypes.ALL) {
      Gauge.builder("meridian.resources", store, s -> s.list(type.name(), null).size())
          .description("Resources in the store, by type (dataplanes include those of every zone)")
          .tag("type", type.name())
          .register(registry);
    }
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
