#!/usr/bin/env bash
# Installs kubectl (Debian's package) when missing: deploy-check renders deploy/k8s with `kubectl kustomize`.
set -euo pipefail
command -v kubectl >/dev/null 2>&1 && exit 0
echo "installing kubectl to render deploy/k8s"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
# The package is kubectl where the machine's sources carry it, kubernetes-client in Debian's own archive.
for package in kubectl kubernetes-client; do
  $SUDO apt-get install -y -q "$package" >/dev/null 2>&1 && exit 0
done
$SUDO apt-get update -q >/dev/null || true
for package in kubectl kubernetes-client; do
  $SUDO apt-get install -y -q "$package" >/dev/null 2>&1 && exit 0
done
echo "could not install kubectl (Debian package kubectl or kubernetes-client): install it with apt-get" >&2
exit 1
