# syntax=docker/dockerfile:1
# Meridian a zone: HTTP API 5681, diagnostics 5680, xDS 5678. Set MERIDIAN_ZONE_NAME and MERIDIAN_GLOBAL_ADDRESS.
#
# Build context: the repository root, after `mvn -DskipTests package` (the image copies the packaged
# jar and its lib/; it does not build):
#   docker build -f deploy/docker/zone.Dockerfile -t meridian-zone:dev .
# deploy/docker/zone.Dockerfile.dockerignore keeps the context to what is copied (BuildKit).
#
# Base: Temurin's JRE on Ubuntu (glibc; RocksDB's JNI library needs glibc, so no Alpine/musl image).
FROM eclipse-temurin:17-jre

# A fixed, non-root uid/gid (10001) so that volume ownership is predictable; Kubernetes manifests
# use the same ids in securityContext.
RUN groupadd --system --gid 10001 meridian \
 && useradd --system --uid 10001 --gid meridian --home-dir /var/lib/meridian --no-create-home \
      --shell /usr/sbin/nologin meridian \
 && mkdir -p /opt/meridian /var/lib/meridian/data \
 && chown -R meridian:meridian /var/lib/meridian

WORKDIR /opt/meridian
COPY --chown=root:root zone/target/lib/ /opt/meridian/lib/
COPY --chown=root:root zone/target/meridian-zone.jar /opt/meridian/meridian-zone.jar
COPY --chown=root:root --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/meridian-healthcheck

# Every port listens on all interfaces inside the container; the rest are the nodes' defaults,
# spelled out so that `docker inspect` documents them. JAVA_TOOL_OPTIONS sizes the heap from the
# container's memory limit.
ENV MERIDIAN_BIND_ADDRESS=0.0.0.0 \
    MERIDIAN_API_PORT=5681 \
    MERIDIAN_DIAGNOSTICS_PORT=5680 \
    MERIDIAN_XDS_PORT=5678 \
    MERIDIAN_DATA_DIR=/var/lib/meridian/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

VOLUME /var/lib/meridian
EXPOSE 5681 5680 5678
USER 10001:10001

# /ready: 200 once the API and store serve (a zone: after its first sync with the global), 503 before.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["/usr/local/bin/meridian-healthcheck", "/ready"]

# exec form: java is PID 1 and gets SIGTERM from `docker stop` for a graceful stop.
ENTRYPOINT ["java", "-jar", "/opt/meridian/meridian-zone.jar"]
