package dev.meridian.ctl.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** Unreachable is a request that got no HTTP answer: nothing listens, no such host, or too slow. */
public final class Unreachable extends RemoteFailure {
  private static final long serialVersionUID = 1L;

  static final String HINT = "(is it running? set --cp or 'meridianctl config use-context')";

  Unreachable(String message) {
    super(message);
  }

  /** Names the cause the way a person would look for it; the JDK's own messages are often null. */
  static Unreachable of(URI base, IOException e, Timeouts timeouts) {
    String at = "cannot reach the control plane at " + base + ": ";
    if (e instanceof HttpConnectTimeoutException) {
      return new Unreachable(
          at + "no connection within " + seconds(timeouts.connect()) + " " + HINT);
    }
    if (e instanceof HttpTimeoutException) {
      return new Unreachable(
          at + "no answer within " + seconds(timeouts.request()) + " (is the node overloaded?)");
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return new Unreachable(at + "unknown host " + base.getHost() + " " + HINT);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return new Unreachable(at + "connection refused " + HINT);
      }
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new Unreachable(at + message);
  }

  private static String seconds(java.time.Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
