#!/bin/bash
# Container health check without curl or wget (eclipse-temurin's JRE image is not guaranteed to ship
# either): one HTTP/1.0 request over bash's /dev/tcp to the diagnostics port; healthy iff the status
# line says 200. Path defaults to /ready (serving); pass /health for "the process runs".
set -euo pipefail
path=${1:-/ready}
port=${MERIDIAN_DIAGNOSTICS_PORT:-5680}
exec 3<> "/dev/tcp/127.0.0.1/$port"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3
exec 3>&-
[[ $status == HTTP/1.[01]\ 200* ]]
