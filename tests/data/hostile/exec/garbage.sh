#!/bin/sh
# A credential plugin whose stdout is not an ExecCredential.
echo "this is not an ExecCredential"
