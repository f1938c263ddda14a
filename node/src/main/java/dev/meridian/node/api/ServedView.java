package dev.meridian.node.api;

import java.util.List;
import java.util.Optional;

/**
 * ServedView is what a zone's API shows of its xDS server: the config it currently serves each
 * dataplane and the policies its locality guard refused for it. The zone node implements it over
 * its xDS server, so that the API does not depend on that server.
 */
public interface ServedView {
  /**
   * The Envoy config served to {@code mesh/dataplane}, as {@code XdsResources.toJson()} writes it;
   * empty when the dataplane has no xDS stream and no config yet.
   */
  Optional<String> xdsJson(String mesh, String dataplane);

  /**
   * Why the locality guard kept policies from {@code mesh/dataplane}, one sentence each; empty when
   * the zone has computed nothing for it.
   */
  Optional<List<String>> refusals(String mesh, String dataplane);
}
