package dev.meridian.bench.scale;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * AdsStreams is many simulated dataplanes connected to one xDS server, their streams spread over a
 * few gRPC channels (HTTP/2 connections), as a fleet of proxies behind a few hosts would look to
 * the server but without a thread or socket per proxy in the harness.
 */
final class AdsStreams implements AutoCloseable {
  private final List<ManagedChannel> channels = new ArrayList<>();
  private final List<SimStream> streams = new ArrayList<>();

  /** Opens a stream per dataplane, each armed with {@code marker} before it subscribes. */
  AdsStreams(int port, List<SimDataplane> dataplanes, int channelCount, byte[] marker) {
    for (int i = 0; i < Math.min(channelCount, dataplanes.size()); i++) {
      // Direct executor: responses are handled (and timed) on the transport thread, not queued.
      channels.add(
          NettyChannelBuilder.forAddress("127.0.0.1", port)
              .usePlaintext()
              .directExecutor()
              .build());
    }
    for (int i = 0; i < dataplanes.size(); i++) {
      SimStream stream = new SimStream(dataplanes.get(i));
      streams.add(stream);
      stream.arm(marker);
      stream.open(channels.get(i % channels.size()));
    }
  }

  List<SimStream> streams() {
    return streams;
  }

  /** The streams of dataplanes in {@code zone}. */
  List<SimStream> in(String zone) {
    return streams.stream().filter(s -> s.dataplane.zone().equals(zone)).toList();
  }

  static void arm(List<SimStream> streams, byte[] marker) {
    streams.forEach(s -> s.arm(marker));
  }

  /** Waits until every one of {@code streams} has its armed marker; fails if one ended. */
  static void awaitMarker(Deadline deadline, String phase, List<SimStream> streams)
      throws Exception {
    deadline.await(
        phase + " (" + streams.size() + " dataplanes)",
        () -> {
          boolean all = true;
          for (SimStream s : streams) {
            if (s.error() != null) {
              throw new ScaleFailure(
                  "the stream of "
                      + s.dataplane.nodeId()
                      + " ended during "
                      + phase
                      + ": "
                      + s.error());
            }
            all &= s.arrivalNanos() != 0;
          }
          return all;
        });
  }

  /** Each stream's arrival minus {@code t0}; streams without an arrival are left out. */
  static long[] latencies(List<SimStream> streams, long t0) {
    return streams.stream()
        .mapToLong(SimStream::arrivalNanos)
        .filter(a -> a != 0)
        .map(a -> a - t0)
        .toArray();
  }

  static int responses(List<SimStream> streams) {
    return streams.stream().mapToInt(SimStream::responses).sum();
  }

  @Override
  public void close() throws InterruptedException {
    streams.forEach(SimStream::close);
    for (ManagedChannel channel : channels) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
