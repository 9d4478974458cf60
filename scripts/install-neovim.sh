#!/bin/sh
# Installs Debian's Neovim (0.7.2 on Debian 12) for the Neovim test (test/neovim/, npm run
# test:neovim), unless an nvim is already on the PATH. Idempotent.
set -eu
START=$(date +%s)
if command -v nvim >/dev/null 2>&1; then
  echo "install-neovim: $(nvim --version | head -n 1) already installed"
  exit 0
fi
SUDO=""
[ "$(id -u)" = "0" ] || SUDO="sudo"
# Only refresh the package lists when the package is not known yet.
if ! apt-cache show neovim >/dev/null 2>&1; then
  $SUDO apt-get update -q
fi
if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends neovim; then
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends neovim
fi
echo "install-neovim: $(nvim --version | head -n 1) installed in $(( $(date +%s) - START )) s"
