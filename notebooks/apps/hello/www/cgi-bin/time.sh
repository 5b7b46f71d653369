#!/bin/sh
echo "Content-Type: text/plain"
echo
echo "Hello, ${QUERY_STRING:-visitor}. The server's clock says $(date -u +%H:%M) UTC."
