#!/usr/bin/env node
// The installed `nova-runner` command runs the bundle (dist/nova-runner.mjs, built by
// `npm run build` in this package, which the repository's `npm ci` runs). On the DGX, copy that
// one self-contained file instead.
import "../dist/nova-runner.mjs";
