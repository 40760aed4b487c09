#!/usr/bin/env bash
# Fetches the C/C++ sources PostCheck compiles itself (RE2 and utf8proc), so the
# native build and the WebAssembly build use the very same code.
#
# Offline (this project's machines reach only Debian and npm) the sources come
# from Debian's source packages. Each tarball is checked against the SHA-256
# recorded below before anything is unpacked; a mismatch stops the build.
#
# Debian strips RE2's generated Unicode tables (they are derived data), so they
# are regenerated here from the `unicode-data` package, exactly as Debian's own
# build does.
#
# Usage: scripts/deps.sh [DEST]   (default: .deps/ in the repository)
# Prints nothing new when the sources are already in place (idempotent).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
dest="${1:-$here/.deps}"
mkdir -p "$dest"

RE2_VERSION="20220601+dfsg-1"
RE2_ORIG="re2_20220601+dfsg.orig.tar.xz"
RE2_SHA256="3bc61251da3b0b97be40a8a127818c517c62516e4eda11fc901d29496663df54"
RE2_DIR="re2-2022-06-01"

UTF8PROC_VERSION="2.8.0-1"
UTF8PROC_ORIG="utf8proc_2.8.0.orig.tar.gz"
UTF8PROC_SHA256="a0a60a79fe6f6d54e7d411facbfcc867a6e198608f2cd992490e46f04b1bcecc"
UTF8PROC_DIR="utf8proc-2.8.0"

ensure_deb_src() {
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    echo "deps: adding a deb-src entry for bookworm" >&2
    cat > /etc/apt/sources.list.d/postcheck-deb-src.sources <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    apt-get update -q >&2
  fi
}

# fetch PACKAGE VERSION ORIG SHA256
fetch() {
  local pkg="$1" ver="$2" orig="$3" sha="$4"
  if [ ! -f "$dest/$orig" ]; then
    ensure_deb_src
    (cd "$dest" && apt-get source --download-only -q "$pkg=$ver" >&2) || {
      # An apt list that predates the deb-src entry: refresh once and retry.
      apt-get update -q >&2
      (cd "$dest" && apt-get source --download-only -q "$pkg=$ver" >&2)
    }
  fi
  echo "$sha  $dest/$orig" | sha256sum --check --quiet || {
    echo "deps: $orig does not match its recorded SHA-256; refusing to build with it" >&2
    exit 1
  }
}

if [ ! -f "$dest/$RE2_DIR/.postcheck-ready" ]; then
  fetch re2 "$RE2_VERSION" "$RE2_ORIG" "$RE2_SHA256"
  rm -rf "$dest/$RE2_DIR"
  tar -C "$dest" -xf "$dest/$RE2_ORIG"
  (
    cd "$dest/$RE2_DIR"
    # Read Unicode data from Debian's unicode-data package, not the web, and
    # avoid the `six` shim (Python 3 only).
    sed -i 's|^_UNICODE_DIR = .*|_UNICODE_DIR = "/usr/share/unicode"|; s|^from six.moves import urllib|import urllib.request|' re2/unicode.py
    perl re2/make_perl_groups.pl > re2/perl_groups.cc
    python3 re2/make_unicode_casefold.py > re2/unicode_casefold.cc
    python3 re2/make_unicode_groups.py > re2/unicode_groups.cc
  )
  touch "$dest/$RE2_DIR/.postcheck-ready"
fi

if [ ! -f "$dest/$UTF8PROC_DIR/.postcheck-ready" ]; then
  fetch utf8proc "$UTF8PROC_VERSION" "$UTF8PROC_ORIG" "$UTF8PROC_SHA256"
  rm -rf "$dest/$UTF8PROC_DIR"
  tar -C "$dest" -xf "$dest/$UTF8PROC_ORIG"
  touch "$dest/$UTF8PROC_DIR/.postcheck-ready"
fi
