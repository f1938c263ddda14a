/**
 * How {@code meridianctl} prints what the control plane answers: aligned tables, ages, and the
 * resource itself as JSON or YAML.
 */
package dev.meridian.ctl.output;
