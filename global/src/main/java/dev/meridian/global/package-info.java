/**
 * The global node: {@link dev.meridian.global.GlobalMain} reads the settings and opens the store;
 * {@link dev.meridian.global.GlobalNode} starts the HTTP API, the diagnostics server and (once
 * merged) the KDS server over that store, and stops them in reverse order.
 */
package dev.meridian.global;
