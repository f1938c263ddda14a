package dev.meridian.bench.scale;

import dev.meridian.node.testing.PackagedGlobal;
import java.net.http.HttpResponse;

/** GlobalApi writes the harness's resources through the global's HTTP API. */
final class GlobalApi {
  private GlobalApi() {}

  /** PUTs {@code yaml}; returns when its answer arrived ({@link System#nanoTime}), a round's t0. */
  static long put(PackagedGlobal global, String path, String yaml) throws Exception {
    HttpResponse<String> response = global.put(path, yaml, "application/yaml");
    long answered = System.nanoTime();
    if (response.statusCode() != 200 && response.statusCode() != 201) {
      throw new ScaleFailure(
          "PUT " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return answered;
  }

  static long putMesh(PackagedGlobal global, String mesh) throws Exception {
    return put(global, "/meshes/" + mesh, Workload.mesh(mesh));
  }

  static long putMeshTrace(PackagedGlobal global, String mesh, String name, String yaml)
      throws Exception {
    return put(global, "/meshes/" + mesh + "/meshtraces/" + name, yaml);
  }
}
