package dev.meridian.zone.config;

import java.util.Objects;

/** HostPort is an address to dial, such as the global's KDS address {@code 127.0.0.1:5685}. */
public record HostPort(String host, int port) {
  public HostPort {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " (expected: 1-65535)");
    }
  }

  /** {@code host:port}, with an IPv6 host in brackets. */
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
