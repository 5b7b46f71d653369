#!/bin/sh
# Renders the site: substitutes the greeting and the build date into the page template.
set -eu
greeting="$1"
src="$2"
out="$3"
mkdir -p "$out/cgi-bin"
sed -e "s/@GREETING@/$greeting/g" "$src/index.html.in" > "$out/index.html"
cp "$src/cgi-bin/hello" "$out/cgi-bin/hello"
chmod 755 "$out/cgi-bin/hello"
echo "built $(wc -c < "$out/index.html") bytes"
