/**
 * The global node's durable store: {@link dev.meridian.node.store.RocksJournal} keeps the
 * resources, the change log and the revision in RocksDB under a data dir, one synced write batch
 * per commit, for a {@link dev.meridian.common.store.JournaledResourceStore}. See {@code
 * docs/adr/005-rocksdb-journal.md}.
 */
package dev.meridian.node.store;
