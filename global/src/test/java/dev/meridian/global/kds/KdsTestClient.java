package dev.meridian.global.kds;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.meridian.proto.kds.v1.Ack;
import dev.meridian.proto.kds.v1.GlobalPush;
import dev.meridian.proto.kds.v1.HeldResource;
import dev.meridian.proto.kds.v1.Hello;
import dev.meridian.proto.kds.v1.KdsGrpc;
import dev.meridian.proto.kds.v1.Nack;
import dev.meridian.proto.kds.v1.Resource;
import dev.meridian.proto.kds.v1.ResourceId;
import dev.meridian.proto.kds.v1.UploadAck;
import dev.meridian.proto.kds.v1.ZoneRequest;
import dev.meridian.proto.kds.v1.ZoneUpload;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * KdsTestClient plays a zone against a real {@link KdsServer} over a socket on 127.0.0.1, through
 * the generated stubs: it opens config streams (declaring held revisions, answering pushes) and
 * upload streams.
 */
final class KdsTestClient implements AutoCloseable {
  private final ManagedChannel channel;
  private final KdsGrpc.KdsStub stub;

  /** A client with gRPC's default HTTP/2 flow-control window (1 MiB). */
  KdsTestClient(int port) {
    this(NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build());
  }

  private KdsTestClient(ManagedChannel channel) {
    this.channel = channel;
    this.stub = KdsGrpc.newStub(channel);
  }

  /** A client whose connection accepts only {@code bytes} unread bytes per stream. */
  static KdsTestClient withWindow(int port, int bytes) {
    return new KdsTestClient(
        NettyChannelBuilder.forAddress("127.0.0.1", port)
            .usePlaintext()
            .flowControlWindow(bytes)
            .build());
  }

  /** How a config stream answers pushes. */
  enum Answer {
    ACK,
    /** The test answers each push itself. */
    MANUAL,
    /** Never reads a push from the transport, so never answers either. */
    NEVER_READ
  }

  ConfigStream connect(String zone, Map<ResourceId, Long> held, Answer answer) {
    ConfigStream stream = new ConfigStream(answer);
    StreamObserver<ZoneRequest> requests = stub.globalToZone(stream);
    stream.requests = requests;
    Hello.Builder hello = Hello.newBuilder().setZone(zone);
    held.forEach(
        (id, revision) -> hello.addHeld(HeldResource.newBuilder().setId(id).setRevision(revision)));
    stream.send(ZoneRequest.newBuilder().setHello(hello).build());
    return stream;
  }

  ConfigStream connect(String zone, Answer answer) {
    return connect(zone, Map.of(), answer);
  }

  UploadStreamClient upload(String zone) {
    UploadStreamClient upload = new UploadStreamClient(zone);
    upload.requests = stub.zoneToGlobal(upload);
    return upload;
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** ConfigStream is one GlobalToZone stream: the pushes received and how it ended. */
  static final class ConfigStream
      implements ClientResponseObserver<ZoneRequest, GlobalPush>, AutoCloseable {
    private volatile Answer answer;
    private ClientCallStreamObserver<ZoneRequest> call;
    final List<GlobalPush> pushes = new CopyOnWriteArrayList<>();
    private volatile Status closed;
    private StreamObserver<ZoneRequest> requests;

    private ConfigStream(Answer answer) {
      this.answer = answer;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<ZoneRequest> call) {
      this.call = call;
      if (answer == Answer.NEVER_READ) {
        call.disableAutoRequestWithInitial(0);
      }
    }

    @Override
    public void onNext(GlobalPush push) {
      pushes.add(push);
      if (answer == Answer.ACK) {
        ack(push);
      }
    }

    @Override
    public void onError(Throwable t) {
      closed = Status.fromThrowable(t);
    }

    @Override
    public void onCompleted() {
      closed = Status.OK;
    }

    /** The status the server ended the stream with; null while open. */
    Status closed() {
      return closed;
    }

    synchronized void send(ZoneRequest request) {
      requests.onNext(request);
    }

    /** A NEVER_READ stream starts reading and ACKing everything. */
    void startReading() {
      answer = Answer.ACK;
      call.request(Integer.MAX_VALUE);
    }

    void ack(GlobalPush push) {
      send(ZoneRequest.newBuilder().setAck(Ack.newBuilder().setNonce(push.getNonce())).build());
    }

    void nack(GlobalPush push, String error, List<ResourceId> rejected) {
      send(
          ZoneRequest.newBuilder()
              .setNack(
                  Nack.newBuilder()
                      .setNonce(push.getNonce())
                      .setErrorDetail(error)
                      .addAllRejected(rejected))
              .build());
    }

    GlobalPush push(int index) {
      return pushes.get(index);
    }

    /** What the zone holds after applying every push received: id → resource. */
    Map<ResourceId, Resource> state() {
      Map<ResourceId, Resource> state = new LinkedHashMap<>();
      for (GlobalPush push : pushes) {
        push.getUpsertsList().forEach(r -> state.put(r.getId(), r));
        push.getRemovalsList().forEach(state::remove);
      }
      return state;
    }

    /** What a reconnecting zone would declare: id → revision of everything it holds. */
    Map<ResourceId, Long> held() {
      Map<ResourceId, Long> held = new LinkedHashMap<>();
      state().forEach((id, r) -> held.put(id, r.getRevision()));
      return held;
    }

    /** The revision of the last push, the zone's view of how far it is in sync. */
    long revision() {
      return pushes.isEmpty() ? -1 : pushes.get(pushes.size() - 1).getRevision();
    }

    @Override
    public synchronized void close() {
      if (closed == null) {
        requests.onError(Status.CANCELLED.withDescription("test done").asException());
      }
    }
  }

  /** UploadStreamClient is one ZoneToGlobal stream; {@link #send} waits for the ack. */
  static final class UploadStreamClient implements StreamObserver<UploadAck> {
    private final String zone;
    private final BlockingQueue<UploadAck> acks = new LinkedBlockingQueue<>();
    private final AtomicLong nonces = new AtomicLong();
    private volatile Status closed;
    private StreamObserver<ZoneUpload> requests;

    private UploadStreamClient(String zone) {
      this.zone = zone;
    }

    /** Sends {@code upload} (with the zone and a nonce filled in) and returns its ack. */
    UploadAck send(ZoneUpload.Builder upload) throws InterruptedException {
      String nonce = Long.toString(nonces.incrementAndGet());
      requests.onNext(upload.setZone(zone).setNonce(nonce).build());
      UploadAck ack = acks.poll(10, TimeUnit.SECONDS);
      assertThat(ack).as("ack of upload %s (stream closed with %s)", nonce, closed).isNotNull();
      assertThat(ack.getNonce()).isEqualTo(nonce);
      return ack;
    }

    Status closed() {
      return closed;
    }

    @Override
    public void onNext(UploadAck ack) {
      acks.add(ack);
    }

    @Override
    public void onError(Throwable t) {
      closed = Status.fromThrowable(t);
    }

    @Override
    public void onCompleted() {
      closed = Status.OK;
    }
  }

  /** An upload entry for a resource written as Universal JSON. */
  static Resource upload(String type, String mesh, String name, String json) {
    return Resource.newBuilder()
        .setId(id(type, mesh, name))
        .setVersion(1)
        .setUniversalJson(ByteString.copyFrom(json, StandardCharsets.UTF_8))
        .build();
  }

  static ResourceId id(String type, String mesh, String name) {
    return ResourceId.newBuilder().setType(type).setMesh(mesh).setName(name).build();
  }
}
