package dev.meridian.ctl.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

/** The JDK's exceptions as java.net.http throws them, each turned into a message. */
class UnreachableTest {
  private static final URI BASE = URI.create("http://cp.example:5681");

  private static String message(IOException e) {
    return Unreachable.of(BASE, e, Timeouts.DEFAULT).getMessage();
  }

  @Test
  void eachCauseHasItsOwnMessage() {
    ConnectException unresolved = new ConnectException();
    unresolved.initCause(new UnresolvedAddressException());
    String at = "cannot reach the control plane at http://cp.example:5681: ";
    String hint = " (is it running? set --cp or 'meridianctl config use-context')";

    assertThat(message(new ConnectException())).isEqualTo(at + "connection refused" + hint);
    assertThat(message(unresolved)).isEqualTo(at + "unknown host cp.example" + hint);
    assertThat(message(new HttpConnectTimeoutException("HTTP connect timed out")))
        .isEqualTo(at + "no connection within 5 s" + hint);
    assertThat(message(new HttpTimeoutException("request timed out")))
        .isEqualTo(at + "no answer within 30 s (is the node overloaded?)");
    assertThat(message(new IOException("connection reset"))).isEqualTo(at + "connection reset");
  }
}
