package dev.meridian.global.kds;

import dev.meridian.common.store.ResourceStore;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KdsServer is the global's end of KDS: zones dial it, receive the global's Meshes, TrafficTraces
 * and MeshTraces as deltas the moment they are committed, and upload their Dataplanes and
 * zone-origin MeshTraces. See {@code proto/README.md} for the protocol.
 */
public final class KdsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KdsServer.class);

  /** How long {@link #close} waits for streams to finish before cancelling them. */
  static final long GRACE_SECONDS = 5;

  /** The largest upload: a full inventory of tens of thousands of dataplanes. */
  static final int MAX_INBOUND_BYTES = 32 * 1024 * 1024;

  private final KdsContext context;
  private final ExecutorService pool;
  private Server server;

  /** A standalone global's KDS server. */
  public KdsServer(ResourceStore store, MeterRegistry metrics) {
    this(store, ZoneDirectory.LOCAL, metrics);
  }

  /** A replica's KDS server, sharing its zones' statuses through {@code directory}. */
  public KdsServer(ResourceStore store, ZoneDirectory directory, MeterRegistry metrics) {
    this.context = new KdsContext(store, directory, new KdsMetrics(metrics), Clock.systemUTC());
    this.pool = Executors.newCachedThreadPool(daemonThreads());
  }

  /**
   * Listens on {@code bindAddress:port}; port 0 picks a free port, which {@link #port} returns.
   *
   * @throws UncheckedIOException when the address cannot be bound, saying which one
   */
  public synchronized void start(String bindAddress, int port) {
    if (server != null) {
      throw new IllegalStateException("KDS server already started on port " + port());
    }
    Server built =
        NettyServerBuilder.forAddress(new InetSocketAddress(bindAddress, port))
            .addService(new KdsService(context, pool))
            .executor(pool)
            .maxInboundMessageSize(MAX_INBOUND_BYTES)
            // Find zones that vanished without closing their connection (so they show offline),
            // and let zones keep idle connections open through NATs.
            .keepAliveTime(30, TimeUnit.SECONDS)
            .keepAliveTimeout(10, TimeUnit.SECONDS)
            .permitKeepAliveTime(10, TimeUnit.SECONDS)
            .permitKeepAliveWithoutCalls(true)
            .build();
    try {
      server = built.start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen for KDS on "
              + bindAddress
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "); set MERIDIAN_KDS_PORT to a free port or MERIDIAN_BIND_ADDRESS to an address"
              + " of this host",
          e);
    }
    LOG.info("KDS listening on {}:{}", bindAddress, port());
  }

  /** The port listened on (the chosen one when started with port 0). */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("KDS server not started");
    }
    return server.getPort();
  }

  public ZoneRegistry zones() {
    return context.zones();
  }

  /**
   * Stops accepting streams, ends every open stream normally (zones see OK and reconnect to another
   * global), waits up to {@value #GRACE_SECONDS} s for them to finish and cancels the rest.
   */
  @Override
  public void close() {
    Server s;
    synchronized (this) {
      s = server;
    }
    if (s != null) {
      s.shutdown();
      context.pushStreams().forEach(PushStream::shutdown);
      context.uploadStreams().forEach(UploadStream::shutdown);
      try {
        if (!s.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
          LOG.warn("KDS streams still open after {} s; cancelling them", GRACE_SECONDS);
          s.shutdownNow();
          s.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        s.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "kds-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
