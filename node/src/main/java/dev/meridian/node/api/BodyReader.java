package dev.meridian.node.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * BodyReader reads a request body as UTF-8 text, refusing one larger than the limit with 413 before
 * reading it (by {@code Content-Length}) or as soon as it grows past it (a chunked body).
 */
final class BodyReader {
  private final long limit;

  BodyReader(long limit) {
    this.limit = limit;
  }

  String read(Context ctx) {
    long declared = ctx.contentLength();
    if (declared > limit) {
      throw tooLarge(declared + " bytes");
    }
    try (InputStream in = ctx.bodyInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw tooLarge("more than " + limit + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ApiException tooLarge(String size) {
    return new ApiException(
        413,
        ApiException.WRITE_TITLE,
        "The request body is "
            + size
            + ", over the limit of "
            + limit
            + " bytes; a node's operator can raise it with MERIDIAN_API_BODY_LIMIT",
        List.of());
  }
}
