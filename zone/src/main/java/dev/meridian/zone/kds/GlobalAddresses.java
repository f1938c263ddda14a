package dev.meridian.zone.kds;

import dev.meridian.zone.config.HostPort;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/**
 * GlobalAddresses resolves the zone's global addresses for its KDS channel: every address in the
 * configured order, each resolved again whenever gRPC asks (a replica may move). With gRPC's {@code
 * pick_first} the channel connects to the first address that answers and, when that connection
 * fails, tries them again in order: a zone whose global replica dies reconnects to another.
 */
final class GlobalAddresses extends NameResolver.Factory {
  private static final String SCHEME = "meridian-global";

  private final List<HostPort> globals;

  GlobalAddresses(List<HostPort> globals) {
    this.globals = List.copyOf(globals);
  }

  /** The channel's target; this factory resolves it to every address. */
  String target() {
    return SCHEME + ":///global";
  }

  @Override
  public NameResolver newNameResolver(URI target, NameResolver.Args args) {
    if (!SCHEME.equals(target.getScheme())) {
      return null;
    }
    return new NameResolver() {
      private Listener2 listener;

      @Override
      public String getServiceAuthority() {
        return globals.get(0).toString();
      }

      @Override
      public void start(Listener2 listener) {
        this.listener = listener;
        resolve();
      }

      @Override
      public void refresh() {
        resolve();
      }

      private void resolve() {
        List<EquivalentAddressGroup> groups =
            globals.stream()
                .map(g -> new EquivalentAddressGroup(new InetSocketAddress(g.host(), g.port())))
                .toList();
        listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
      }

      @Override
      public void shutdown() {}
    };
  }

  @Override
  public String getDefaultScheme() {
    return SCHEME;
  }
}
