package dev.meridian.common.match;

/** SkippedPolicy is a policy of the mesh that cannot apply to sidecars, and why. */
public record SkippedPolicy(String type, String name, String reason) {}
