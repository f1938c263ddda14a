package dev.meridian.common.xds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.meridian.common.parse.Json;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.trace.v3.DatadogConfig;
import io.envoyproxy.envoy.config.trace.v3.OpenTelemetryConfig;
import io.envoyproxy.envoy.config.trace.v3.ZipkinConfig;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import java.util.List;

/**
 * EnvoyJson prints xDS resources as proto3 JSON. Every message type packed into an Any must be in
 * {@link #TYPES}, or printing fails; keys are then sorted through Jackson so output is stable.
 */
final class EnvoyJson {
  private static final JsonFormat.TypeRegistry TYPES =
      JsonFormat.TypeRegistry.newBuilder()
          .add(Listener.getDescriptor())
          .add(Cluster.getDescriptor())
          .add(ClusterLoadAssignment.getDescriptor())
          .add(HttpConnectionManager.getDescriptor())
          .add(TcpProxy.getDescriptor())
          .add(Router.getDescriptor())
          .add(ZipkinConfig.getDescriptor())
          .add(DatadogConfig.getDescriptor())
          .add(OpenTelemetryConfig.getDescriptor())
          .add(UpstreamTlsContext.getDescriptor())
          .add(HttpProtocolOptions.getDescriptor())
          .build();
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().usingTypeRegistry(TYPES);

  private EnvoyJson() {}

  static String print(XdsResources xds) {
    // The root keeps the documented order (listeners, clusters, endpoints): an ObjectNode is
    // written in insertion order, while each item's keys are sorted by sorted(...).
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.set("listeners", array(xds.listeners()));
    root.set("clusters", array(xds.clusters()));
    root.set("endpoints", array(xds.endpoints()));
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print xDS resources as JSON", e);
    }
  }

  /** One resource as proto3 JSON, carrying its own {@code "@type"}. */
  static String print(Message message) {
    try {
      return PRINTER.print(Any.pack(message));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "a type packed in an Any is missing from EnvoyJson.TYPES: " + e.getMessage(), e);
    }
  }

  private static ArrayNode array(List<? extends Message> messages) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (Message message : messages) {
      array.add(sorted(print(message)));
    }
    return array;
  }

  /**
   * The JSON text as a tree whose object keys are sorted at every level: read as Maps, written with
   * ORDER_MAP_ENTRIES_BY_KEYS, and read back as a tree, which keeps that order.
   */
  private static JsonNode sorted(String json) {
    try {
      Object maps = Json.MAPPER.readValue(json, Object.class);
      return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(maps));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JsonFormat printed invalid JSON", e);
    }
  }
}
