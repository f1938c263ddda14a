/** The resource envelope shared by every type: type, mesh, name, labels, spec. */
package dev.meridian.common.resource;
