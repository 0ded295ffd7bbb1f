#!/usr/bin/env node
// The installed `nova` command runs the compiled CLI (`npm run build` writes lib/; `npm ci`
// runs it through the `prepare` script). During development use `npm run nova -- <args>`.
import "../lib/cli/main.js";
