package dev.meridian.global.kds;

import dev.meridian.proto.kds.v1.GlobalPush;
import dev.meridian.proto.kds.v1.KdsGrpc;
import dev.meridian.proto.kds.v1.UploadAck;
import dev.meridian.proto.kds.v1.ZoneRequest;
import dev.meridian.proto.kds.v1.ZoneUpload;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Executor;

/** KdsService binds each new gRPC stream to a {@link PushStream} or an {@link UploadStream}. */
final class KdsService extends KdsGrpc.KdsImplBase {
  private final KdsContext context;
  private final UploadApplier applier;
  private final Executor pool;

  KdsService(KdsContext context, Executor pool) {
    this.context = context;
    this.applier = new UploadApplier(context.store());
    this.pool = pool;
  }

  @Override
  public StreamObserver<ZoneRequest> globalToZone(StreamObserver<GlobalPush> responses) {
    PushStream stream =
        new PushStream(
            context, (ServerCallStreamObserver<GlobalPush>) responses, new SerialExecutor(pool));
    stream.start();
    return stream;
  }

  @Override
  public StreamObserver<ZoneUpload> zoneToGlobal(StreamObserver<UploadAck> responses) {
    UploadStream stream =
        new UploadStream(
            context,
            applier,
            (ServerCallStreamObserver<UploadAck>) responses,
            new SerialExecutor(pool));
    stream.start();
    return stream;
  }
}
