/** Decoding helpers: JSON trees read field by field with paths, and the shared Jackson mappers. */
package dev.meridian.common.parse;
