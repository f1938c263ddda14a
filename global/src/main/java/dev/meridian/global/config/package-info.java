/**
 * The global node's settings ({@link dev.meridian.global.config.GlobalConfig}): their defaults,
 * YAML keys and environment variables. Loading and checking is {@code
 * dev.meridian.common.config}'s.
 */
package dev.meridian.global.config;
