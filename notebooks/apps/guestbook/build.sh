#!/bin/sh
# "Builds" the site: a cache directory first, as real build tools make, then the output in dist/.
set -e
mkdir -p /tmp/build-cache dist
dd if=/dev/zero of=/tmp/build-cache/downloads bs=1024 count=2048 2>/dev/null
cp www/index.html dist/index.html
echo "build: dist/index.html ready ($(wc -c < dist/index.html) bytes)"
