#!/bin/sh
# Prepares the site: makes the CGI scripts executable and writes the page that lists them.
set -e
chmod 0755 www/cgi-bin/*.sh
{
  echo "<html><body><h1>Hello from busybox httpd</h1><ul>"
  for script in www/cgi-bin/*.sh; do
    name="${script##*/}"
    echo "<li><a href=\"/cgi-bin/$name\">$name</a></li>"
  done
  echo "</ul></body></html>"
} > www/index.html
echo "setup: $(ls www/cgi-bin | wc -l) CGI script(s), index.html written"
