package dev.meridian.common.match;

/**
 * AppliedPolicy is one policy that selects a dataplane, as shown in {@code _rules}: its target kind
 * and origin explain its place in the merge order.
 */
public record AppliedPolicy(String type, String name, String targetKind, String origin) {}
