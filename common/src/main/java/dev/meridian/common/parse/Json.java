package dev.meridian.common.parse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.yaml.snakeyaml.LoaderOptions;

/** Json holds the shared, configured Jackson mappers (thread-safe once built). */
public final class Json {
  /**
   * The largest input read, in characters: the Kubernetes API server's request limit (3 MiB), also
   * SnakeYAML's default. Larger input is refused before parsing; SnakeYAML spends seconds on it.
   */
  public static final int MAX_INPUT_CHARS = 3 * 1024 * 1024;

  /** The deepest nesting read; Kuma resources are a few levels deep, 100 leaves ample room. */
  public static final int MAX_NESTING_DEPTH = 100;

  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build();

  /** JSON mapper: rejects duplicate keys, leaves nulls out, sorts map keys for stable output. */
  public static final ObjectMapper MAPPER =
      configure(new ObjectMapper(JsonFactory.builder().streamReadConstraints(LIMITS).build()));

  /** YAML mapper with the same settings, writing without the leading document marker. */
  public static final ObjectMapper YAML =
      configure(
          new ObjectMapper(
              YAMLFactory.builder()
                  .loaderOptions(loaderOptions())
                  .streamReadConstraints(LIMITS)
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .build()));

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_INPUT_CHARS);
    return options;
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  private Json() {}
}
