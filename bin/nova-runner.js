#!/usr/bin/env node
// The installed `nova-runner` command runs the compiled runner (lib/, built by `npm run build`).
// On the DGX, copy the self-contained dist/nova-runner.mjs (`npm run build:runner`) instead.
import "../lib/runner/main.js";
