#!/usr/bin/env bash
# Builds the JVM base image for the hotline container images without Docker or a registry:
# a Debian "minbase" root filesystem (debootstrap, same release as this machine) plus a Java 17
# runtime jlink'ed from Debian's openjdk-17-jdk-headless (the JDK packages are purged again),
# packed as a one-layer docker-archive tarball that Jib reads via
# quarkus.jib.base-jvm-image=tar://... (see the "images" profile in the root pom.xml).
#
#   sudo deploy/images/base-image.sh            # no-op when the tarball is up to date
#   sudo deploy/images/base-image.sh --force    # rebuild (e.g. to pick up Debian security updates)
#
# Output (ignored by git): deploy/images/target/base-jre17.tar, plus base-jre17.stamp.
# Needs root (debootstrap, chroot, mount). Mirrors are taken from this machine's apt sources.
# Environment: SOURCE_DATE_EPOCH (file mtimes are clamped to it; default: the date of the
# Debian release file the packages came from), HOTLINE_IMAGES_DIR (output directory).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out_dir="${HOTLINE_IMAGES_DIR:-$here/target}"
out_tar="$out_dir/base-jre17.tar"
stamp_file="$out_dir/base-jre17.stamp"
work="$out_dir/base-work"
rootfs="$work/rootfs"

# The JDK used only to jlink the runtime; purged again afterwards.
jdk_package=openjdk-17-jdk-headless
java_home=/opt/java/openjdk
# Runtime modules: all of Java SE (Hibernate, Jackson etc. touch java.desktop/java.beans, JDBC,
# JNDI, JMX) plus what Netty, Kafka clients, TLS and diagnostics use; Chinese + English locale
# data and the extra charsets (GBK, GB18030, ...). Anything else needs a change here.
java_modules=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.charsets,jdk.localedata,jdk.naming.dns,jdk.net,jdk.zipfs,jdk.security.auth,jdk.security.jgss,jdk.management,jdk.management.jfr,jdk.jfr,jdk.attach,jdk.jcmd
java_locales=en,zh
# The non-root runtime user. uid 185 is what Quarkus' Jib extension uses for the ownership of
# its default working directory (/home/jboss), so the application can write there.
app_uid=185
app_user=hotline
app_home=/home/jboss
image_tag="hotline/base-jre17:1"

log() { printf '[base-image] %s\n' "$*" >&2; }

force=false
[[ "${1:-}" == "--force" ]] && force=true

[[ "$(id -u)" == 0 ]] || { log "must run as root (debootstrap/chroot)"; exit 1; }

. /etc/os-release
codename="${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}"
[[ "${ID:-}" == debian ]] || { log "expects a Debian host (found ID=${ID:-?}); the rootfs is the host's release"; exit 1; }

# One run at a time (a second one waits, then usually finds the tarball up to date).
mkdir -p "$out_dir"
exec 9>"$out_dir/.lock"
flock 9

# Recipe fingerprint: this script + release. Same fingerprint and tarball present => nothing to do.
recipe="$(sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1)-$codename-$(uname -m)"
if ! $force && [[ -s "$out_tar" && -f "$stamp_file" && "$(cat "$stamp_file")" == "$recipe" ]]; then
  log "up to date: $out_tar ($(du -h "$out_tar" | cut -f1)); use --force to rebuild"
  exit 0
fi

# The Debian mirror for $codename, read from this machine's apt configuration (deb822 or one-line).
find_mirror() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] || continue
    awk -v want="$codename" '
      /^[[:space:]]*$/ { if (uris != "" && hit) print uris; uris=""; hit=0; next }
      /^URIs:/   { uris=$2 }
      /^Suites:/ { for (i=2;i<=NF;i++) if ($i==want) hit=1 }
      END { if (uris != "" && hit) print uris }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f "$f" ]] || continue
    awk -v want="$codename" '$1=="deb" { u=$2; s=$3; if ($2 ~ /^\[/) { u=$3; s=$4 } if (s==want) print u }' "$f"
  done
}
mirror="$(find_mirror | sed -n 1p)"
[[ -n "$mirror" ]] || { log "no apt source for '$codename' found under /etc/apt"; exit 1; }

command -v debootstrap >/dev/null || {
  log "installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap >&2
}

cleanup() {
  for m in proc; do
    mountpoint -q "$rootfs/$m" 2>/dev/null && umount -l "$rootfs/$m" || true
  done
}
trap cleanup EXIT

log "debootstrap --variant=minbase $codename (mirror from /etc/apt)"
cleanup
rm -rf "$work"
mkdir -p "$rootfs"
debootstrap --variant=minbase --arch=amd64 "$codename" "$rootfs" "$mirror" >&2

# apt inside the rootfs uses this machine's sources (incl. security updates), nothing else.
rm -f "$rootfs/etc/apt/sources.list"
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
  if [[ -f "$f" ]]; then cp "$f" "$rootfs${f}"; fi
done
# No docs/man pages/translations in the image.
cat > "$rootfs/etc/dpkg/dpkg.cfg.d/01-hotline-slim" <<'EOF'
path-exclude=/usr/share/doc/*
path-include=/usr/share/doc/*/copyright
path-exclude=/usr/share/man/*
path-exclude=/usr/share/info/*
path-exclude=/usr/share/locale/*
path-exclude=/usr/share/lintian/*
EOF
cat > "$rootfs/etc/apt/apt.conf.d/01-hotline-slim" <<'EOF'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Acquire::Languages "none";
EOF
# The JRE's maintainer scripts expect man page directories.
mkdir -p "$rootfs/usr/share/man/man1"
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
mount -t proc proc "$rootfs/proc"

in_root() { chroot "$rootfs" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }
log "jlink'ing a Java runtime from $jdk_package (+ pending updates)"
in_root apt-get update >&2
in_root apt-get -y dist-upgrade >&2
in_root apt-get install -y "$jdk_package" >&2
jdk_version="$(in_root dpkg-query -W -f '${Version}' "$jdk_package")"
mkdir -p "$rootfs$(dirname "$java_home")"
in_root jlink --add-modules "$java_modules" --include-locales="$java_locales" \
  --strip-java-debug-attributes --no-man-pages --no-header-files --output "$java_home" >&2
# Debian's CA bundle (ca-certificates-java) rather than the one baked into the jmods.
cp --remove-destination "$rootfs/etc/ssl/certs/java/cacerts" "$rootfs$java_home/lib/security/cacerts"
in_root apt-get purge -y "$jdk_package" openjdk-17-jre-headless >&2
in_root apt-get autoremove --purge -y >&2
ln -sf "$java_home/bin/java" "$rootfs/usr/bin/java"
# The runtime's own libraries must resolve (AWT/X11/font/sound ones may not: headless, unused).
lib_check() {
  in_root sh -c "LD_LIBRARY_PATH=$java_home/lib/server:$java_home/lib ldd $* 2>/dev/null | grep 'not found' | sort -u" || true
}
missing="$(lib_check "$java_home/lib/lib*.so")"
[[ -z "$missing" ]] || log "unresolved shared libraries (AWT/X11/font/sound only, unused when headless):" $missing
core="$java_home/lib/server/libjvm.so $java_home/lib/libjava.so $java_home/lib/libnet.so $java_home/lib/libnio.so $java_home/lib/libzip.so $java_home/lib/libmanagement.so $java_home/lib/libj2pkcs11.so"
[[ -z "$(lib_check "$core")" ]] || { log "core JVM libraries do not resolve: $(lib_check "$core")"; exit 1; }
in_root groupadd --system --gid "$app_uid" "$app_user"
in_root useradd --system --uid "$app_uid" --gid "$app_uid" --home-dir "$app_home" --create-home \
  --shell /usr/sbin/nologin "$app_user"
in_root java -version >&2
in_root java -XshowSettings:properties -version 2>&1 | grep -E 'file.encoding|java.home' >&2

# Release date of the archive state used: default clamp time for reproducible file mtimes.
if [[ -z "${SOURCE_DATE_EPOCH:-}" ]]; then
  rel="$(ls "$rootfs"/var/lib/apt/lists/*_dists_"${codename}"_InRelease 2>/dev/null | head -n1 || true)"
  rel_date="$( [[ -n "$rel" ]] && sed -n 's/^Date: //p' "$rel" | head -n1 || true)"
  SOURCE_DATE_EPOCH="$( [[ -n "$rel_date" ]] && date -d "$rel_date" +%s || date +%s)"
fi
cleanup

log "trimming"
in_root apt-get clean
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/debconf/*-old \
  "$rootfs"/var/lib/dpkg/*-old "$rootfs"/var/cache/ldconfig/aux-cache \
  "$rootfs"/tmp/* "$rootfs"/var/tmp/* "$rootfs"/root/.cache \
  "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/*
find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
find "$rootfs/var/log" -type f -delete
: > "$rootfs/etc/machine-id"
: > "$rootfs/etc/resolv.conf"   # the container runtime provides it
rm -f "$rootfs"/etc/hostname

log "packing docker-archive (mtimes clamped to $(date -u -d "@$SOURCE_DATE_EPOCH" +%FT%TZ))"
pack="$work/pack"
mkdir -p "$pack"
tar --create --file "$pack/layer.tar" --directory "$rootfs" \
  --sort=name --numeric-owner --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  --mtime="@$SOURCE_DATE_EPOCH" --clamp-mtime \
  --exclude=./proc/* --exclude=./sys/* --exclude=./dev/* --exclude=./run/* \
  .
diff_id="$(sha256sum "$pack/layer.tar" | cut -d' ' -f1)"
gzip -n -6 -c "$pack/layer.tar" > "$pack/$diff_id.tar.gz"
rm -f "$pack/layer.tar"

created="$(date -u -d "@$SOURCE_DATE_EPOCH" +%FT%TZ)"
cat > "$pack/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"$created",
 "config":{"User":"$app_uid","WorkingDir":"$app_home",
  "Env":["PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"],
  "Labels":{"org.opencontainers.image.title":"hotline base: Debian $codename minbase + jlink runtime of $jdk_package $jdk_version"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"$created","created_by":"deploy/images/base-image.sh: debootstrap --variant=minbase $codename + jlink ($jdk_package $jdk_version), user $app_user($app_uid)"}]}
EOF
config_sha="$(sha256sum "$pack/config.json" | cut -d' ' -f1)"
mv "$pack/config.json" "$pack/$config_sha.json"
printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["%s.tar.gz"]}]\n' "$config_sha" "$image_tag" "$diff_id" \
  > "$pack/manifest.json"
tar --create --file "$out_tar.tmp" --directory "$pack" --sort=name --owner=0 --group=0 --numeric-owner \
  --mtime="@$SOURCE_DATE_EPOCH" manifest.json "$config_sha.json" "$diff_id.tar.gz"
mv "$out_tar.tmp" "$out_tar"
rm -rf "$work"
echo "$recipe" > "$stamp_file"
log "wrote $out_tar ($(du -h "$out_tar" | cut -f1); layer sha256:$diff_id)"
