/**
 * The global's replication over a Pekko cluster: a singleton writer orders every write, commits it
 * on a majority of replicas through Distributed Data (durable in each replica's RocksDB) and each
 * replica applies committed changes in revision order to its own store. Design and guarantees:
 * {@code docs/adr/014-ha-global.md}.
 */
package dev.meridian.global.cluster;
