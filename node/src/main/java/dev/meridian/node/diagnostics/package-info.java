/**
 * The diagnostics server (Prometheus {@code /metrics}, {@code /ready}, {@code /health}) and the
 * node's meters: JVM binders, resources by type, store write latency. Every meter has a
 * description, which {@code promtool check metrics} requires.
 */
package dev.meridian.node.diagnostics;
