/**
 * The zone node's settings: the common YAML-file-plus-environment loader with the zone's own
 * settings (zone name, global address, xDS port and grace period, allowed collectors), each checked
 * at start-up so that a wrong one stops the node with a message naming it.
 */
package dev.meridian.zone.config;
