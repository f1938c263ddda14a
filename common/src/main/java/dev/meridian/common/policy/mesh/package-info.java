/** The Mesh resource and its tracing backends, used by TrafficTrace. */
package dev.meridian.common.policy.mesh;
