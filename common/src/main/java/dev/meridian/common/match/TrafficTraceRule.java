package dev.meridian.common.match;

import dev.meridian.common.policy.mesh.TracingBackend;

/**
 * TrafficTraceRule is the one TrafficTrace chosen for a dataplane and the Mesh backend it resolves
 * to. {@code backend} is null when the name resolves to nothing; {@code problem} then says why.
 */
public record TrafficTraceRule(
    String policy, String backendName, TracingBackend backend, String problem) {}
