# build-aux/deps.sh
# Sourced by build-aux/run and build-aux/test: installs Debian 12 packages
# that are missing, with apt-get, as root or through sudo.

export DEBIAN_FRONTEND=noninteractive
export LANG=C.UTF-8
export LC_ALL=C.UTF-8

# Everything needed to build Glossator.
build_packages=(
  gcc meson ninja-build pkg-config gettext itstool
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libxml2-dev libjson-glib-dev libarchive-dev
  librsvg2-common adwaita-icon-theme fonts-farsiweb fonts-dejavu-core
)

# What the test suite needs on top of that.
test_packages=(
  python3 libxml2-utils xvfb xauth dbus dbus-x11
  desktop-file-utils appstream xdotool imagemagick python3-pandas python3-nltk
  libreoffice-calc-nogui yelp-tools man-db bash-completion
  at-spi2-core python3-pyatspi openbox x11-utils
)

# What build-aux/test --sanitize needs on top of that: clang with the
# sanitizer and libFuzzer runtimes, and llvm-symbolizer for readable reports.
sanitize_packages=(
  clang libclang-rt-dev llvm
)

ensure_packages () {
  local missing=()
  local package

  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done

  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi

  echo "Installing missing packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}
