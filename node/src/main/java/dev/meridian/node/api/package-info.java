/**
 * The global node's HTTP API on Javalin, as {@code docs/http-api.md} specifies it: Kuma's paths for
 * meshes, policies and (read-only) dataplanes, {@code _rules}, zone status, and Kuma's error body
 * for every failure. Handlers are thin: they map HTTP to {@link
 * dev.meridian.node.api.ResourceWrites} and the {@link dev.meridian.common.store.ResourceStore}.
 */
package dev.meridian.node.api;
