/**
 * The global's side of KDS, the protocol of {@code proto/src/main/proto/kds.proto}: {@link
 * dev.meridian.global.kds.KdsServer} pushes the global's Meshes and trace policies to every
 * connected zone as deltas, stores what zones upload under their zone, and keeps a {@link
 * dev.meridian.global.kds.ZoneRegistry} of who is connected. Each stream's state is owned by one
 * sequential executor; the store's listener only hands changes over.
 */
package dev.meridian.global.kds;
