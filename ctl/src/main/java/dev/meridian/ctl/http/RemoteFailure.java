package dev.meridian.ctl.http;

/**
 * RemoteFailure is a request that did not succeed; its message is ready to print, one or more
 * lines.
 */
public class RemoteFailure extends Exception {
  private static final long serialVersionUID = 1L;

  RemoteFailure(String message) {
    super(message);
  }
}
