/**
 * The scale harness: a global, zones east and west and a library-only floor as real processes,
 * thousands of simulated dataplanes as raw ADS streams, and the figures issue 6 asks for
 * (propagation against the floor, zone memory per dataplane, zone join, global writes). Run it with
 * {@code bench/scale}; the decisions behind it are in {@code docs/adr/012-scale-harness.md}.
 */
package dev.meridian.bench.scale;
