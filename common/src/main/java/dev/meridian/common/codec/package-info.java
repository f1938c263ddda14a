/**
 * Reading resources from YAML and JSON in Kuma's Universal and Kubernetes forms, and the registry
 * of resource types.
 */
package dev.meridian.common.codec;
