/**
 * The {@code meridianctl} command line: {@code validate} and {@code render} work on files offline,
 * with picocli doing argument parsing and help.
 */
package dev.meridian.ctl;
