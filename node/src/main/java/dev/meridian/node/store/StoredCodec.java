package dev.meridian.node.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meridian.common.codec.ParsedResource;
import dev.meridian.common.codec.ResourceReader;
import dev.meridian.common.codec.ResourceWriter;
import dev.meridian.common.parse.Json;
import dev.meridian.common.resource.Resource;
import dev.meridian.common.resource.ResourceKey;
import dev.meridian.common.store.Change;
import dev.meridian.common.store.StoredResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * StoredCodec turns stored resources and log entries into JSON bytes and back. A stored resource is
 * {@code {version, revision, modificationTime, resource}} with the resource in the Universal form
 * the HTTP API returns; a log entry is {@code {key, stored}}, without {@code stored} for a removal.
 * Decoding throws {@link IllegalArgumentException} saying what is wrong; it never guesses.
 */
public final class StoredCodec {
  private StoredCodec() {}

  static byte[] stored(StoredResource stored) {
    return bytes(storedNode(stored));
  }

  static StoredResource stored(byte[] bytes) {
    return stored(tree(bytes));
  }

  public static byte[] change(Change change) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    ObjectNode key = node.putObject("key");
    key.put("type", change.key().type());
    key.put("mesh", change.key().mesh());
    key.put("name", change.key().name());
    key.put("zone", change.key().zone());
    if (!change.isRemoval()) {
      node.set("stored", storedNode(change.stored()));
    }
    return bytes(node);
  }

  public static Change change(long revision, byte[] bytes) {
    JsonNode node = tree(bytes);
    JsonNode key = object(node, "key");
    ResourceKey resourceKey =
        new ResourceKey(text(key, "type"), text(key, "mesh"), text(key, "name"), text(key, "zone"));
    StoredResource stored = node.has("stored") ? stored(node.get("stored")) : null;
    if (stored != null && !stored.resource().key().equals(resourceKey)) {
      throw new IllegalArgumentException(
          "key " + resourceKey + " holds another resource: " + stored.resource().key());
    }
    if (stored != null && stored.revision() != revision) {
      throw new IllegalArgumentException(
          "entry of revision " + revision + " holds revision " + stored.revision());
    }
    return new Change(revision, resourceKey, stored);
  }

  private static ObjectNode storedNode(StoredResource stored) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("version", stored.version());
    node.put("revision", stored.revision());
    node.put("modificationTime", stored.modificationTime().toString());
    node.set("resource", ResourceWriter.toUniversal(stored.resource()));
    return node;
  }

  private static StoredResource stored(JsonNode node) {
    JsonNode universal = object(node, "resource");
    ParsedResource parsed = ResourceReader.read(universal, 0);
    if (parsed.resource() == null || !parsed.readErrors().isEmpty()) {
      throw new IllegalArgumentException("resource does not read back: " + parsed.readErrors());
    }
    Resource resource = parsed.resource().withCreationTime(instant(universal, "creationTime"));
    return new StoredResource(
        resource,
        positive(node, "version"),
        positive(node, "revision"),
        instant(node, "modificationTime"));
  }

  private static JsonNode tree(byte[] bytes) {
    try {
      JsonNode node = Json.MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return Json.MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode object(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isObject()) {
      throw new IllegalArgumentException(field + ": must be an object");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(field + ": must be a string");
    }
    return value.textValue();
  }

  private static long positive(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null
        || !value.isIntegralNumber()
        || !value.canConvertToLong()
        || value.asLong() < 1) {
      throw new IllegalArgumentException(field + ": must be a whole number >= 1");
    }
    return value.asLong();
  }

  private static Instant instant(JsonNode node, String field) {
    String text = text(node, field);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": not an instant: \"" + text + "\"", e);
    }
  }
}
