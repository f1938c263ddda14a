package dev.meridian.common.resource;

/** Spec marks the type-specific body of a resource (a Mesh's tracing, a policy's rules, ...). */
public interface Spec {}
