/**
 * A node's HTTP API on Javalin, as {@code docs/http-api.md} specifies it: Kuma's paths for meshes,
 * policies and dataplanes, {@code _rules}, and Kuma's error body for every failure. One {@link
 * dev.meridian.node.api.ApiServer} serves both roles; its {@link dev.meridian.node.api.ApiRole}
 * decides which writes are admitted and adds the role's routes (zone status on the global, served
 * xDS on a zone). Handlers are thin: they map HTTP to {@link dev.meridian.node.api.ResourceWrites}
 * and the {@link dev.meridian.common.store.ResourceStore}.
 */
package dev.meridian.node.api;
