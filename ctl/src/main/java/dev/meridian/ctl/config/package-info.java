/**
 * Where {@code meridianctl} finds a control plane: {@code --cp URL}, else the current context of
 * {@code ~/.meridian/config.yaml} (or {@code $MERIDIAN_CONFIG}), else {@code
 * http://127.0.0.1:5681}.
 */
package dev.meridian.ctl.config;
