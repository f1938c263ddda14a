/** What runs every node: the launcher (main) and the stack of started parts. */
package dev.meridian.node;
