/** The Dataplane resource (Kuma's Universal form) and the zone's view of it. */
package dev.meridian.common.dataplane;
