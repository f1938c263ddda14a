package dev.meridian.node.api;

import dev.meridian.common.validation.Violation;
import java.util.List;

/**
 * ApiException is a failed request as the client sees it: a status and Kuma's error body. Handlers
 * throw it before changing anything; {@link ErrorBodies} writes it.
 */
final class ApiException extends RuntimeException {
  static final String WRITE_TITLE = "Could not process a resource";
  static final String READ_TITLE = "Could not retrieve a resource";
  static final String DELETE_TITLE = "Could not delete a resource";
  static final String INVALID = "Resource is not valid";

  private final int status;
  private final String title;
  private final List<Violation> causes;

  ApiException(int status, String title, String details, List<Violation> causes) {
    super(details, null, false, false);
    this.status = status;
    this.title = title;
    this.causes = List.copyOf(causes);
  }

  /** 400 for a resource that cannot be stored, with every reason. */
  static ApiException invalid(List<Violation> causes) {
    return new ApiException(400, WRITE_TITLE, INVALID, causes);
  }

  /** 400 for a query parameter or header that cannot be used. */
  static ApiException badParameter(String title, String field, String message) {
    return new ApiException(400, title, "Bad request", List.of(new Violation(field, message)));
  }

  static ApiException notFound(String title, String details) {
    return new ApiException(404, title, details, List.of());
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  String details() {
    return getMessage();
  }

  List<Violation> causes() {
    return causes;
  }
}
