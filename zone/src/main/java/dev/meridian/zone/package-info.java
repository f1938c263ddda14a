/**
 * The zone node: {@link dev.meridian.zone.ZoneNode} opens the zone's local RocksDB copy, serves
 * diagnostics and keeps the copy in sync with the global over KDS; {@link
 * dev.meridian.zone.ZoneMain} runs it from the command line. The xDS server and the zone HTTP API
 * join it at integration.
 */
package dev.meridian.zone;
