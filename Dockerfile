# syntax=docker/dockerfile:1
# Nova as a container: `docker build -t nova .`, then run it with the Probot environment
# (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, …; see docs/setup.md, "Docker").
# test/project/dockerfile.test.ts checks this file's rules statically (no container engine in CI).
#
# Node 22 LTS by default; Nova runs on Node ^20.19, ^22.13 or >= 24 (package.json engines; CI tests 20 and 22).
ARG NODE_VERSION=22

# --- build: compile src/ to lib/ with the dev dependencies (TypeScript) ---
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci needs every workspace's manifest; of the runner (packages/runner) only that, no code.
COPY packages/protocol/package.json ./packages/protocol/
COPY packages/runner/package.json ./packages/runner/
# --ignore-scripts: the sources are not copied yet, and tsc needs no install scripts.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY packages/protocol/tsconfig.json ./packages/protocol/
COPY packages/protocol/src ./packages/protocol/src
COPY src ./src
# The protocol package (packages/protocol/lib), then the app (lib/).
RUN npm run build

# --- runtime: production dependencies and the compiled app only ---
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# tini as PID 1 forwards SIGTERM to Node, so `docker stop` ends Nova at once instead of
# waiting for the kill timeout (Node as PID 1 has no default signal handling).
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
# NODE_ENV=production makes Probot refuse to start without APP_ID and a private key (no setup
# mode in a container), and Nova without a real WEBHOOK_SECRET (src/app/ops/startup-checks.ts).
# HOST=0.0.0.0: Probot listens on localhost by default, unreachable through a published port.
ENV NODE_ENV=production \
    LOG_FORMAT=json \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
# The workspaces' manifests: npm links @nova/protocol (the app's one workspace dependency, its
# build copied below); the runner contributes its package.json and nothing else.
COPY packages/protocol/package.json ./packages/protocol/
COPY packages/runner/package.json ./packages/runner/
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/lib ./lib
COPY --from=build /app/packages/protocol/lib ./packages/protocol/lib
# Read at run time: the Handlebars templates (found relative to lib/). bin/ and the bundled
# checklist make the `nova` CLI usable inside the image. (app.yml is only read by setup mode,
# which production mode disables.)
COPY templates ./templates
COPY bin ./bin
COPY docs/dgx-spark-plan.md ./docs/dgx-spark-plan.md
# Files stay owned by root and read-only to the app; it runs as the image's unprivileged user.
USER node
EXPOSE 3000
# /healthz: the process is up (GitHub's availability is /readyz's business, not a restart's).
# The slim image has no curl; Node's fetch does the request.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# src/main.ts: Probot's run() plus startup checks, log redaction, metrics, graceful SIGTERM.
CMD ["node", "lib/main.js"]
