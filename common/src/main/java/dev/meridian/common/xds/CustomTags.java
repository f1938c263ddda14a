package dev.meridian.common.xds;

import dev.meridian.common.policy.meshtrace.MeshTraceConf.Tag;
import io.envoyproxy.envoy.type.tracing.v3.CustomTag;
import java.util.ArrayList;
import java.util.List;

/**
 * CustomTags maps MeshTrace tags to Envoy custom tags in the order written, then appends Kuma's
 * {@code kuma.mesh} and {@code kuma.zone} literals unless the user already set those names.
 */
final class CustomTags {
  static final String MESH = "kuma.mesh";
  static final String ZONE = "kuma.zone";

  private CustomTags() {}

  /**
   * @param zone null when the proxy is not in a zone (a standalone render): then no {@code
   *     kuma.zone} tag is added, since there is no value that would be true
   */
  static List<CustomTag> of(List<Tag> tags, String mesh, String zone) {
    List<CustomTag> out = new ArrayList<>();
    boolean hasMesh = false;
    boolean hasZone = false;
    for (Tag tag : tags == null ? List.<Tag>of() : tags) {
      hasMesh |= MESH.equals(tag.name());
      hasZone |= ZONE.equals(tag.name());
      CustomTag.Builder custom = CustomTag.newBuilder().setTag(tag.name());
      if (tag.header() != null) {
        CustomTag.Header.Builder header =
            CustomTag.Header.newBuilder().setName(tag.header().name());
        if (tag.header().defaultValue() != null) {
          header.setDefaultValue(tag.header().defaultValue());
        }
        custom.setRequestHeader(header);
      } else {
        custom.setLiteral(CustomTag.Literal.newBuilder().setValue(nullToEmpty(tag.literal())));
      }
      out.add(custom.build());
    }
    if (!hasMesh) {
      out.add(literal(MESH, mesh));
    }
    if (!hasZone && zone != null) {
      out.add(literal(ZONE, zone));
    }
    return List.copyOf(out);
  }

  private static CustomTag literal(String name, String value) {
    return CustomTag.newBuilder()
        .setTag(name)
        .setLiteral(CustomTag.Literal.newBuilder().setValue(value))
        .build();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
