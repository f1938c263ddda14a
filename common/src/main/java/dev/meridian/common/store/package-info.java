/**
 * The resource store contract ({@link dev.meridian.common.store.ResourceStore}) and its one
 * implementation over a pluggable {@link dev.meridian.common.store.Journal}: in memory here,
 * RocksDB in the global and zone nodes.
 */
package dev.meridian.common.store;
