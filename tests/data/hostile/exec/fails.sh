#!/bin/sh
# A credential plugin that fails.
echo "login expired" >&2
exit 3
