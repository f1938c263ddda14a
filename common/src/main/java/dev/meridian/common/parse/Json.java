package dev.meridian.common.parse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** Json holds the shared, configured Jackson mappers (thread-safe once built). */
public final class Json {
  /** JSON mapper: rejects duplicate keys, leaves nulls out, sorts map keys for stable output. */
  public static final ObjectMapper MAPPER = configure(new ObjectMapper());

  /** YAML mapper with the same settings, writing without the leading document marker. */
  public static final ObjectMapper YAML =
      configure(
          new ObjectMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .build()));

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  private Json() {}
}
