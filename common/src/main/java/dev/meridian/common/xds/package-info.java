/**
 * Builds the Envoy xDS resources (listeners, clusters, endpoints) for one dataplane from the rules
 * that apply to it. {@link dev.meridian.common.xds.ProxyGenerator} is the entry point; everything
 * else here is one concern each: listeners, clusters, collectors and the two tracing policies.
 */
package dev.meridian.common.xds;
