package dev.meridian.common.policy.mesh;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * TracingBackend is one named collector of a Mesh: {@code type} is {@code zipkin} or {@code
 * datadog}, and exactly the matching conf is set. {@code sampling} is a percentage, null when
 * unset. {@code confField} is {@code conf}, or {@code zipkin} for the oldest form {@code {name,
 * sampling, zipkin: {url}}}, so that messages name the field the user wrote.
 */
public record TracingBackend(
    String name,
    String type,
    Double sampling,
    @JsonIgnore ZipkinConf zipkin,
    @JsonIgnore DatadogConf datadog,
    @JsonIgnore String confField) {
  public static final String ZIPKIN = "zipkin";
  public static final String DATADOG = "datadog";

  /** {@code confField} is the member the conf was written in, for the paths of messages. */
  public TracingBackend {
    confField = confField == null ? "conf" : confField;
  }

  /**
   * Equal by value, not by {@code confField}: the stored form always writes {@code conf}, so the
   * oldest form must equal what it reads back as (else the journal refuses to store the Mesh).
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof TracingBackend b
        && java.util.Objects.equals(name, b.name)
        && java.util.Objects.equals(type, b.type)
        && java.util.Objects.equals(sampling, b.sampling)
        && java.util.Objects.equals(zipkin, b.zipkin)
        && java.util.Objects.equals(datadog, b.datadog);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(name, type, sampling, zipkin, datadog);
  }

  @JsonProperty("conf")
  Object conf() {
    return zipkin != null ? zipkin : datadog;
  }

  /** ZipkinConf is a zipkin backend's collector. */
  public record ZipkinConf(
      String url, Boolean traceId128bit, String apiVersion, Boolean sharedSpanContext) {}

  /** DatadogConf is a datadog agent's address. */
  public record DatadogConf(String address, Integer port, Boolean splitService) {}
}
