/**
 * The HTTP client {@code meridianctl} uses to talk to a global or zone node, as {@code
 * docs/http-api.md} describes it. It knows paths and status codes, not commands; every failure
 * comes back as a {@link dev.meridian.ctl.http.RemoteFailure} whose message a person can act on.
 */
package dev.meridian.ctl.http;
