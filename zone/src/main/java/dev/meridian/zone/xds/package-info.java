/**
 * The zone's xDS server: ADS over gRPC (java-control-plane) serving each dataplane exactly what
 * {@code ProxyGenerator} renders for it, kept up to date incrementally from the local store, plus
 * one gRPC-client {@code api_listener} per outbound service so that grpc-java's xDS client can
 * consume it (see docs/adr/011-xds-serving.md). Node ids are {@code <mesh>.<dataplane>}; a
 * dataplane unknown to the store registers itself with its node metadata field {@code dataplane}.
 */
package dev.meridian.zone.xds;
