#!/bin/sh
# Stand-in for the `docker` CLI, used only by the "images" Maven profile
# (quarkus.jib.docker-executable-name). Quarkus' Jib extension can either push to a registry or
# hand the image to a Docker daemon via `docker info` + `docker load`; there is neither here.
# This script answers `info` for the host platform and writes what Jib pipes into `load`
# (a docker-archive tarball, as `docker save` would produce) to $HOTLINE_IMAGE_TAR.
# The result loads with `docker load -i`, `podman load -i`, `kind load image-archive`,
# `skopeo copy docker-archive:...` or `ctr images import`.
set -eu
case "${1:-}" in
  info)
    case "$(uname -m)" in
      x86_64|amd64) arch=x86_64 ;;
      aarch64|arm64) arch=aarch64 ;;
      *) arch="$(uname -m)" ;;
    esac
    printf '{"OSType":"linux","Architecture":"%s"}\n' "$arch"
    ;;
  load)
    : "${HOTLINE_IMAGE_TAR:?HOTLINE_IMAGE_TAR (quarkus.jib.docker-environment.HOTLINE_IMAGE_TAR) is not set}"
    mkdir -p "$(dirname "$HOTLINE_IMAGE_TAR")"
    cat > "$HOTLINE_IMAGE_TAR.part"
    mv -f "$HOTLINE_IMAGE_TAR.part" "$HOTLINE_IMAGE_TAR"
    echo "Wrote image tarball $HOTLINE_IMAGE_TAR"
    ;;
  *)
    echo "jib-docker-to-tar.sh: 'docker $*' is not supported (no Docker engine; images are written as tarballs)" >&2
    exit 1
    ;;
esac
