/**
 * Test support shared by the node modules: the packaged global as a child process, metrics samples.
 */
package dev.meridian.node.testing;
