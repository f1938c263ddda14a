package dev.meridian.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meridian.common.resource.Labels;
import dev.meridian.ctl.output.Age;
import dev.meridian.ctl.output.Table;
import java.time.Instant;
import java.util.List;

/** ResourceRows prints resources or zones as the table of {@code get}, columns by kind. */
final class ResourceRows {
  private ResourceRows() {}

  static String table(Kind kind, List<JsonNode> items, Instant now) {
    Table table =
        switch (kind) {
          case MESHES -> new Table("NAME", "AGE");
          case ZONES -> new Table("NAME", "ONLINE", "LAST CONNECTED", "ACKED REVISION");
          case DATAPLANES -> new Table("MESH", "NAME", "ZONE", "AGE");
          default -> new Table("MESH", "NAME", "AGE");
        };
    for (JsonNode item : items) {
      String name = text(item.path("name"));
      String age = Age.since(text(item.path("creationTime")), now);
      switch (kind) {
        case MESHES -> table.row(name, age);
        case ZONES ->
            table.row(
                name,
                item.path("online").asBoolean() ? "yes" : "no",
                Age.since(text(item.path("lastConnected")), now),
                text(item.path("ackedRevision")));
        case DATAPLANES ->
            table.row(
                text(item.path("mesh")), name, text(item.path("labels").path(Labels.ZONE)), age);
        default -> table.row(text(item.path("mesh")), name, age);
      }
    }
    return table.render();
  }

  private static String text(JsonNode value) {
    return value.isValueNode() && !value.isNull() ? value.asText() : "";
  }
}
