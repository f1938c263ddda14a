/** Violations (errors and warnings with field paths) and checks shared by validators. */
package dev.meridian.common.validation;
