/**
 * The {@code meridianctl} command line, with picocli doing argument parsing and help: {@code
 * validate} and {@code render} work on files offline; {@code apply}, {@code get}, {@code delete},
 * {@code inspect} and {@code config} talk to a node through {@link dev.meridian.ctl.http}.
 */
package dev.meridian.ctl;
