package dev.meridian.global.cluster;

import dev.meridian.global.cluster.Messages.ClusterMessage;
import dev.meridian.global.kds.ZoneDirectory;
import dev.meridian.global.kds.ZoneStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.ClusterEvent.CurrentClusterState;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.ddata.DistributedData;
import org.apache.pekko.cluster.ddata.Key;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.LWWMapKey;
import org.apache.pekko.cluster.ddata.Replicator;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;

/**
 * SharedZones is the cluster's zone directory: one {@link LWWMap} in Distributed Data with an entry
 * per zone and replica, written only by that replica (so entries never conflict and no clock
 * decides between replicas), spread by gossip and kept in memory only. A replica's entry counts as
 * online only while that replica, in the same life (its member uid), is up and reachable: the zones
 * of a replica that dies show offline everywhere until they reconnect to another one.
 */
public final class SharedZones implements ZoneDirectory {
  private static final Key<LWWMap<String, ZoneEntry>> KEY = LWWMapKey.create("zones");

  /** One replica's status of one zone, and which replica (address and member uid) it is. */
  record ZoneEntry(String replica, long uid, ZoneStatus status) implements ClusterMessage {}

  /** What this replica published last, per zone: a new cluster member publishes it again. */
  private final Map<String, ZoneStatus> own = new HashMap<>(); // guarded by this

  private volatile Attachment attached;

  /** The current cluster member's directory: its view, and where this replica publishes. */
  private record Attachment(
      Cluster cluster, ActorRef publisher, AtomicReference<LWWMap<String, ZoneEntry>> view) {
    String self() {
      return cluster.selfUniqueAddress().address().toString();
    }

    /** Whether the entry's replica, in the life that wrote it, is up and reachable from here. */
    boolean live(ZoneEntry entry) {
      CurrentClusterState state = cluster.state();
      for (Member m : state.getMembers()) {
        if (m.address().toString().equals(entry.replica())
            && m.uniqueAddress().longUid() == entry.uid()) {
          return (m.status() == MemberStatus.up() || m.status() == MemberStatus.weaklyUp())
              && !state.getUnreachable().contains(m);
        }
      }
      return false;
    }
  }

  /**
   * A (re)started cluster member: publish through it from now on, everything known so far first.
   */
  synchronized void attach(ActorSystem system) {
    AtomicReference<LWWMap<String, ZoneEntry>> view = new AtomicReference<>(LWWMap.create());
    ActorRef publisher =
        ((ExtendedActorSystem) system)
            .systemActorOf(Props.create(Publisher.class, () -> new Publisher(view)), "zones");
    attached = new Attachment(Cluster.get(system), publisher, view);
    own.values().forEach(s -> publisher.tell(s, ActorRef.noSender()));
  }

  @Override
  public synchronized void publish(ZoneStatus status) {
    own.put(status.name(), status);
    Attachment a = attached;
    if (a != null) {
      a.publisher().tell(status, ActorRef.noSender());
    }
  }

  @Override
  public List<ZoneStatus> merge(List<ZoneStatus> mine) {
    Attachment a = attached;
    if (a == null) {
      return mine;
    }
    Map<String, List<ZoneStatus>> parts = new TreeMap<>();
    mine.forEach(s -> parts.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s));
    Set<String> here = Set.copyOf(parts.keySet());
    String self = a.self();
    for (ZoneEntry entry : a.view().get().getEntries().values()) {
      ZoneStatus status = entry.status();
      if (entry.replica().equals(self) && here.contains(status.name())) {
        continue; // this replica's own, as its registry has it now
      }
      if (status.online() && !a.live(entry)) {
        status = status.offline();
      }
      parts.computeIfAbsent(status.name(), n -> new ArrayList<>()).add(status);
    }
    return parts.values().stream().map(ZoneStatus::merge).toList();
  }

  /** Publisher writes this replica's entries and keeps the directory's latest value in view. */
  private static final class Publisher extends AbstractActor {
    private final AtomicReference<LWWMap<String, ZoneEntry>> view;
    private final ActorRef replicator;
    private final SelfUniqueAddress node;

    Publisher(AtomicReference<LWWMap<String, ZoneEntry>> view) {
      this.view = view;
      DistributedData ddata = DistributedData.get(getContext().getSystem());
      this.replicator = ddata.replicator();
      this.node = ddata.selfUniqueAddress();
    }

    @Override
    public void preStart() {
      replicator.tell(new Replicator.Subscribe<>(KEY, self()), self());
    }

    @Override
    public Receive createReceive() {
      String replica = node.uniqueAddress().address().toString();
      long uid = node.uniqueAddress().longUid();
      return receiveBuilder()
          .match(
              ZoneStatus.class,
              s ->
                  replicator.tell(
                      new Replicator.Update<>(
                          KEY,
                          LWWMap.create(),
                          Replicator.writeLocal(),
                          map ->
                              map.put(
                                  node, s.name() + " " + replica, new ZoneEntry(replica, uid, s))),
                      self()))
          .match(
              Replicator.Changed.class,
              c -> {
                @SuppressWarnings("unchecked") // a change of KEY
                LWWMap<String, ZoneEntry> value = (LWWMap<String, ZoneEntry>) c.dataValue();
                view.set(value);
              })
          .matchAny(reply -> {}) // UpdateSuccess of a local write: nothing to do
          .build();
    }
  }
}
