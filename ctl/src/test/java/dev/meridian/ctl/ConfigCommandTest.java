package dev.meridian.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config} subcommands on a config file in a temporary directory ($MERIDIAN_CONFIG). */
class ConfigCommandTest {
  @TempDir Path tmp;

  @Test
  void viewWithoutAFileShowsTheDefault() {
    CtlRunner ctl = CtlRunner.in(tmp);

    CtlRunner.Run run = ctl.run("config", "view");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "# "
                + ctl.configFile()
                + "\n# commands without --cp use http://127.0.0.1:5681 (the default)\n"
                + "contexts: []\n");
    assertThat(ctl.configFile()).doesNotExist();
  }

  @Test
  void addMakesCurrentUseSwitchesAndViewShowsBoth() throws Exception {
    CtlRunner ctl = CtlRunner.in(tmp);

    CtlRunner.Run added = ctl.run("config", "add-context", "east", "--cp", "http://east.cp:5681");
    ctl.run("config", "add-context", "global", "--cp", "https://global.cp:5681/");
    CtlRunner.Run used = ctl.run("config", "use-context", "east");
    CtlRunner.Run view = ctl.run("config", "view");

    assertThat(added.out()).isEqualTo("context east (http://east.cp:5681) added and now current\n");
    assertThat(used.out()).isEqualTo("now using context east\n");
    assertThat(view.out())
        .isEqualTo(
            "# "
                + ctl.configFile()
                + "\n# commands without --cp use http://east.cp:5681\n"
                + "currentContext: east\n"
                + "contexts:\n"
                + "- name: east\n"
                + "  controlPlane: http://east.cp:5681\n"
                + "- name: global\n"
                + "  controlPlane: https://global.cp:5681/\n");
    assertThat(Files.readString(ctl.configFile())).startsWith("currentContext: east\n");
  }

  @Test
  void usingAnUnknownContextListsTheKnownOnesAndChangesNothing() throws Exception {
    CtlRunner ctl = CtlRunner.in(tmp);
    ctl.run("config", "add-context", "east", "--cp", "http://east.cp:5681");
    String before = Files.readString(ctl.configFile());

    CtlRunner.Run run = ctl.run("config", "use-context", "west");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo("no context \"west\" in " + ctl.configFile() + "; known: east\n");
    assertThat(Files.readString(ctl.configFile())).isEqualTo(before);
  }

  @Test
  void aBrokenConfigFileIsNamedByEveryCommandThatNeedsIt() throws Exception {
    CtlRunner ctl = CtlRunner.in(tmp);
    Files.writeString(ctl.configFile(), "currentContext: east\ncontext: []\n");

    CtlRunner.Run view = ctl.run("config", "view");
    CtlRunner.Run get = ctl.run("get", "meshes");

    assertThat(view.exit()).isEqualTo(1);
    assertThat(view.err())
        .startsWith(ctl.configFile() + ": not a meridianctl config (")
        .contains("\"context\"")
        .endsWith("); fix it or delete it\n");
    assertThat(get.exit()).isEqualTo(1);
    assertThat(get.err()).isEqualTo(view.err());
  }

  @Test
  void aCurrentContextThatIsNotDefinedIsNamed() throws Exception {
    CtlRunner ctl = CtlRunner.in(tmp);
    Files.writeString(ctl.configFile(), "currentContext: gone\ncontexts: []\n");

    CtlRunner.Run get = ctl.run("get", "meshes");

    assertThat(get.exit()).isEqualTo(1);
    assertThat(get.err())
        .isEqualTo(
            ctl.configFile()
                + ": the current context \"gone\" is not defined; run 'meridianctl config"
                + " use-context NAME'\n");
  }
}
