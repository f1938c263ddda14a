package dev.meridian.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.ctl.http.Timeouts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that is not there, or never answers: one clear line and exit 1. */
class UnreachableIT {
  private static final String DIR = "src/test/resources/ctl/";

  @TempDir Path tmp;

  /** A loopback port nothing listens on: bound by the OS, then closed. */
  private static String closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  @Test
  void connectionRefusedNamesTheAddressAndHowToChangeIt() throws Exception {
    String url = closedPort();

    CtlRunner.Run get = CtlRunner.in(tmp).run("get", "meshes", "--cp", url);
    CtlRunner.Run apply =
        CtlRunner.in(tmp)
            .run("apply", "-f", DIR + "mesh.yaml", DIR + "east-west.yaml", "--cp", url);

    String message =
        "cannot reach the control plane at "
            + url
            + ": connection refused (is it running? set --cp or 'meridianctl config"
            + " use-context')\n";
    assertThat(get.exit()).isEqualTo(1);
    assertThat(get.err()).isEqualTo(message);
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.err()).isEqualTo(message);
    assertThat(apply.out()).isEmpty();
  }

  @Test
  void aNodeThatNeverAnswersTimesOut() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (ScriptedPeer peer = ScriptedPeer.start()) {
      peer.hold("GET", "/meshes", release);

      CtlRunner.Run run =
          CtlRunner.in(tmp)
              .withTimeouts(new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(300)))
              .run("get", "meshes", "--cp", peer.url());

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err())
          .isEqualTo(
              "cannot reach the control plane at "
                  + peer.url()
                  + ": no answer within 300 ms (is the node overloaded?)\n");
    } finally {
      release.countDown();
    }
  }
}
