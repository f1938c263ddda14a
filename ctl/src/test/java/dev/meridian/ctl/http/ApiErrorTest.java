package dev.meridian.ctl.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiErrorTest {
  @Test
  void kumaBodyIsTitleDetailsAndOneLinePerCause() {
    String body =
        "{\"title\": \"Could not process a resource\", \"details\": \"Resource is not valid\","
            + " \"causes\": [{\"field\": \"spec.default.backends\", \"message\": \"must be"
            + " defined\"}, {\"field\": \"\", \"message\": \"body too large\"}]}";

    assertThat(ApiError.of(400, body).getMessage())
        .isEqualTo(
            "Could not process a resource: Resource is not valid\n"
                + "  spec.default.backends: must be defined\n"
                + "  body too large");
  }

  @Test
  void otherBodiesPrintWithTheStatus() {
    assertThat(ApiError.of(502, " <h1>Bad Gateway</h1>\n").getMessage())
        .isEqualTo("the control plane answered 502: <h1>Bad Gateway</h1>");
    assertThat(ApiError.of(503, "").getMessage())
        .isEqualTo("the control plane answered 503 with no body");
    assertThat(ApiError.of(500, "{\"error\": \"boom\"}").getMessage())
        .isEqualTo("the control plane answered 500: {\"error\": \"boom\"}");
    assertThat(ApiError.of(413, "x".repeat(600)).getMessage())
        .isEqualTo("the control plane answered 413: " + "x".repeat(500) + "...");
  }

  @Test
  void titleWithoutDetails() {
    assertThat(ApiError.of(404, "{\"title\": \"Not found\"}").getMessage()).isEqualTo("Not found");
    assertThat(ApiError.of(404, "{\"title\": \"Not found\"}").status()).isEqualTo(404);
  }
}
