/** The MeshTrace policy: its types, decoder and validator (Kuma's messages). */
package dev.meridian.common.policy.meshtrace;
