#!/bin/sh
# A credential plugin that never finishes.
exec sleep 3600
