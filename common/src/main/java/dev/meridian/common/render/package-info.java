/**
 * The offline path from resource files to one dataplane's Envoy config, shared by {@code
 * meridianctl render} and the golden tests: the same matching and generation a zone runs, without a
 * store.
 */
package dev.meridian.common.render;
