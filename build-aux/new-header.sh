#!/bin/sh
# Prints the licence header every source file starts with: build-aux/new-header.sh crm-foo.c
sed "s|FILE|$1|" "$(dirname "$0")/licence-header.txt"
