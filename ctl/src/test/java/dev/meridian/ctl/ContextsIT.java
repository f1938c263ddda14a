package dev.meridian.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which node a remote command talks to: the current context of the config file, unless {@code --cp}
 * says otherwise. Two {@link ScriptedPeer}s stand for two nodes.
 */
class ContextsIT {
  private static final String EMPTY = "{\"total\": 0, \"items\": [], \"next\": null}";

  @TempDir Path tmp;

  @Test
  void theCurrentContextIsUsedAndCpWinsOverIt() throws Exception {
    try (ScriptedPeer east = ScriptedPeer.start();
        ScriptedPeer west = ScriptedPeer.start()) {
      east.on("GET", "/meshes", 200, EMPTY);
      west.on("GET", "/meshes", 200, EMPTY).on("GET", "/zones", 200, EMPTY);
      CtlRunner ctl = CtlRunner.in(tmp);
      assertThat(ctl.run("config", "add-context", "east", "--cp", east.url()).exit()).isZero();
      assertThat(ctl.run("config", "add-context", "west", "--cp", west.url()).exit()).isZero();
      assertThat(ctl.run("config", "use-context", "east").exit()).isZero();

      CtlRunner.Run fromContext = ctl.run("get", "meshes");
      CtlRunner.Run fromOption = ctl.run("get", "meshes", "--cp", west.url());

      assertThat(fromContext.exit()).as(fromContext.err()).isZero();
      assertThat(fromOption.exit()).as(fromOption.err()).isZero();
      assertThat(east.requestLines()).containsExactly("GET /meshes");
      assertThat(west.requestLines()).containsExactly("GET /meshes");
    }
  }
}
