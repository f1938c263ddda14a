package dev.meridian.ctl.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Contexts is the content of the config file: named control planes and the one in use. Values are
 * immutable; changes return a new instance.
 */
public record Contexts(String currentContext, List<Context> contexts) {
  static final Contexts EMPTY = new Contexts(null, List.of());

  /** One named control plane. */
  public record Context(String name, String controlPlane) {
    @JsonCreator
    public Context(
        @JsonProperty("name") String name, @JsonProperty("controlPlane") String controlPlane) {
      this.name = Objects.requireNonNull(name, "name");
      this.controlPlane = Objects.requireNonNull(controlPlane, "controlPlane");
    }
  }

  @JsonCreator
  public Contexts(
      @JsonProperty("currentContext") String currentContext,
      @JsonProperty("contexts") List<Context> contexts) {
    this.currentContext = currentContext;
    this.contexts = contexts == null ? List.of() : List.copyOf(contexts);
  }

  public Optional<Context> find(String name) {
    return contexts.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** Adds or replaces {@code context} and makes it current, as kumactl does. */
  Contexts with(Context context) {
    List<Context> list = new ArrayList<>(contexts);
    list.removeIf(c -> c.name().equals(context.name()));
    list.add(context);
    return new Contexts(context.name(), list);
  }

  Contexts use(String name) {
    return new Contexts(name, contexts);
  }
}
