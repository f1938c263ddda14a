/** The zone node: KDS client, local copy, dataplane registry, xDS server. */
package dev.meridian.zone;
