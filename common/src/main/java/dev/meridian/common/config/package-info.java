/**
 * Node settings from an optional YAML file and environment variables (which win), each parsed and
 * checked up front, so that a node with a wrong setting stops at start-up with a message naming the
 * setting, the value and what would be accepted. Shared by the global and the zone node.
 */
package dev.meridian.common.config;
