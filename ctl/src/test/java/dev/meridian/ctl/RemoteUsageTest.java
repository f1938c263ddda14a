package dev.meridian.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors of the remote commands: exit 2, caught before any request is sent. */
class RemoteUsageTest {
  @TempDir Path tmp;

  private CtlRunner.Run run(String... args) {
    return CtlRunner.in(tmp).run(args);
  }

  @Test
  void anInvalidCpNamesTheOption() {
    CtlRunner.Run get = run("get", "meshes", "--cp", "not-a-url");
    CtlRunner.Run add = run("config", "add-context", "x", "--cp", "ftp://host");

    assertThat(get.exit()).isEqualTo(2);
    assertThat(get.err())
        .startsWith(
            "Invalid value for option '--cp': 'not-a-url' is not an http:// or https:// URL;"
                + " expected e.g. http://127.0.0.1:5681\n");
    assertThat(add.exit()).isEqualTo(2);
    assertThat(add.err()).startsWith("Invalid value for option '--cp': 'ftp://host' is not an");
  }

  @Test
  void anUnknownTypeListsTheValidTypes() {
    CtlRunner.Run get = run("get", "meshtrace-policies");
    CtlRunner.Run delete = run("delete", "policies", "x");

    String expected =
        "unknown type \"meshtrace-policies\"; expected one of meshes, meshtraces, traffic-traces,"
            + " dataplanes, zones";
    assertThat(get.exit()).isEqualTo(2);
    assertThat(get.err())
        .startsWith("Invalid value for positional parameter at index 0 (TYPE): " + expected);
    assertThat(delete.exit()).isEqualTo(2);
    assertThat(delete.err()).contains("unknown type \"policies\"");
  }

  @Test
  void optionsThatDoNotFitTheTypeAreRefused() {
    assertThat(run("get", "zones", "-m", "prod").err())
        .startsWith("zones belong to no mesh; drop -m/--mesh and -A/--all-meshes\n");
    assertThat(run("get", "meshtraces", "a", "-A").err())
        .startsWith("-A/--all-meshes lists; give -m MESH to get one by name\n");
    assertThat(run("get", "meshtraces", "--zone", "east").err())
        .startsWith("--zone applies to one dataplane\n");
    assertThat(run("delete", "zone", "east").err())
        .startsWith("zones cannot be deleted; a zone is listed while it connects\n");
    assertThat(run("inspect").err()).startsWith("Missing required subcommand");
    assertThat(run("delete", "zone", "east").exit()).isEqualTo(2);
  }
}
