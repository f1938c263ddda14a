/**
 * Which policies apply to a dataplane: tag-indexed matchers for MeshTrace and TrafficTrace, Kuma's
 * ordering and ranking, and the merged, self-explaining result. Depends on the policy packages,
 * never the other way round.
 */
package dev.meridian.common.match;
