package dev.meridian.global.cluster;

import com.typesafe.config.Config;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.cluster.ddata.DurableStore;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * RocksDurableStore is Distributed Data's durable store in a RocksDB of the replica's data dir
 * ({@code durable.meridian-dir}). A {@code Store} is synced to the write-ahead log before it is
 * confirmed, which is what makes a {@code WriteMajority} acknowledgement mean "on disk on a
 * majority". Pekko creates it with the {@code durable} config section; it owns its RocksDB handles
 * and frees them when it stops.
 */
public final class RocksDurableStore extends AbstractActor {
  static {
    RocksDB.loadLibrary();
  }

  private final Options options = new Options().setCreateIfMissing(true);
  private final WriteOptions sync = new WriteOptions().setSync(true);
  private final RocksDB db;
  private Serialization serialization; // looked up on first use, once the system is running

  public RocksDurableStore(Config config) throws IOException, RocksDBException {
    Path dir = Path.of(config.getString("meridian-dir"));
    Files.createDirectories(dir);
    db = RocksDB.open(options, dir.toString());
  }

  @Override
  public Receive createReceive() {
    return receiveBuilder()
        .match(DurableStore.Store.class, this::store)
        .matchEquals(DurableStore.LoadAll$.MODULE$, m -> loadAll())
        .build();
  }

  private void store(DurableStore.Store store) {
    try {
      db.put(sync, store.key().getBytes(StandardCharsets.UTF_8), encode(store.data()));
      if (store.reply().isDefined()) {
        DurableStore.StoreReply reply = store.reply().get();
        reply.replyTo().tell(reply.successMsg(), self());
      }
    } catch (RocksDBException | IOException e) {
      getContext().getSystem().log().error(e, "durable store: cannot write {}", store.key());
      if (store.reply().isDefined()) {
        DurableStore.StoreReply reply = store.reply().get();
        reply.replyTo().tell(reply.failureMsg(), self());
      }
    }
  }

  private void loadAll() throws IOException {
    Map<String, DurableStore.DurableDataEnvelope> loaded = new HashMap<>();
    try (RocksIterator it = db.newIterator()) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        loaded.put(new String(it.key(), StandardCharsets.UTF_8), decode(it.value()));
      }
    }
    if (!loaded.isEmpty()) {
      scala.collection.immutable.Map<String, DurableStore.DurableDataEnvelope> data =
          scala.collection.immutable.Map$.MODULE$.from(
              scala.jdk.javaapi.CollectionConverters.asScala(loaded));
      sender().tell(new DurableStore.LoadData(data), self());
    }
    sender().tell(DurableStore.LoadAllCompleted$.MODULE$, self());
  }

  private Serialization serialization() {
    if (serialization == null) {
      serialization = SerializationExtension.get(getContext().getSystem());
    }
    return serialization;
  }

  /** {@code serializer id, manifest, payload}: what {@link #decode} needs to read it back. */
  private byte[] encode(DurableStore.DurableDataEnvelope envelope) throws IOException {
    Serializer serializer = serialization().findSerializerFor(envelope);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(serializer.identifier());
      out.writeUTF(Serializers.manifestFor(serializer, envelope));
      out.write(serializer.toBinary(envelope));
    }
    return bytes.toByteArray();
  }

  private DurableStore.DurableDataEnvelope decode(byte[] bytes) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int id = in.readInt();
      String manifest = in.readUTF();
      byte[] payload = in.readAllBytes();
      return (DurableStore.DurableDataEnvelope)
          serialization().deserialize(payload, id, manifest).get();
    }
  }

  @Override
  public void postStop() {
    db.close();
    sync.close();
    options.close();
  }
}
