/**
 * The zone's end of KDS ({@code proto/README.md}): {@link dev.meridian.zone.kds.KdsClient} dials
 * the global, applies its pushes to the zone's local store (ACK, or NACK with the rejected
 * resources, which keep their previous version), uploads the zone's Dataplanes and zone-origin
 * MeshTraces, and reconnects with backoff. All stream state lives on one serializing executor per
 * client.
 */
package dev.meridian.zone.kds;
