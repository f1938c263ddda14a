package dev.meridian.common.policy.meshtrace;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * MeshTraceConf is the {@code default} of a MeshTrace, and also the result of merging several. A
 * null field is unset (it does not override when merged); an empty {@code backends} turns tracing
 * off.
 */
public record MeshTraceConf(List<Backend> backends, Sampling sampling, List<Tag> tags) {
  public MeshTraceConf {
    backends = backends == null ? null : List.copyOf(backends);
    tags = tags == null ? null : List.copyOf(tags);
  }

  /** The backend in effect, or null when tracing is off. */
  public Backend backend() {
    return backends == null || backends.isEmpty() ? null : backends.get(0);
  }

  /** Backend is one collector; exactly one of its members is set. */
  public record Backend(Zipkin zipkin, Datadog datadog, OpenTelemetry openTelemetry) {}

  /** Zipkin collector; unset options take Kuma's defaults (see the accessors). */
  public record Zipkin(
      String url, Boolean traceId128bit, String apiVersion, Boolean sharedSpanContext) {
    public static final String HTTP_JSON = "httpJson";
    public static final String HTTP_PROTO = "httpProto";

    public boolean traceId128bitOrDefault() {
      return traceId128bit != null && traceId128bit;
    }

    public String apiVersionOrDefault() {
      return apiVersion == null ? HTTP_JSON : apiVersion;
    }

    public boolean sharedSpanContextOrDefault() {
      return sharedSpanContext == null || sharedSpanContext;
    }
  }

  /** Datadog agent. */
  public record Datadog(String url, Boolean splitService) {
    public boolean splitServiceOrDefault() {
      return splitService != null && splitService;
    }
  }

  /** OpenTelemetry collector reached over gRPC at {@code host:port}. */
  public record OpenTelemetry(String endpoint) {}

  /** Sampling percentages; each null when unset. */
  public record Sampling(Percentage overall, Percentage client, Percentage random) {}

  /**
   * Percentage keeps a sampling value as written: an integer, or a decimal in a string (Kuma's
   * IntOrString). {@link #value()} is null when the text is not a number.
   */
  public record Percentage(String text, boolean quoted) {
    public Double value() {
      try {
        return Double.valueOf(text);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /**
     * An integer is written as one: as a BigDecimal, Jackson's tree normalizes {@code 80} to {@code
     * 8E+1}, which reads back as the decimal {@code 80.0} and so as another resource.
     */
    @JsonValue
    Object json() {
      if (quoted) {
        return text;
      }
      java.math.BigDecimal number = new java.math.BigDecimal(text);
      return number.scale() <= 0 ? number.toBigIntegerExact() : number;
    }
  }

  /** Tag adds a span tag from a literal or a request header. */
  public record Tag(String name, String literal, Header header) {}

  /** Header names the request header; {@code default} is used when it is absent. */
  public record Header(String name, @JsonProperty("default") String defaultValue) {}
}
