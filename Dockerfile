# syntax=docker/dockerfile:1
# The bot's image: `docker build -t ecs-vs-eks .` (or `finch build`). Three stages, so the image holds
# the compiled bot and its production dependencies only: no TypeScript, no test tools, no npm cache.
# test/process/image.test.ts lays out what the runtime stage copies and runs it the same way; keep
# the two in step (it reads the COPY, ENV, WORKDIR, HEALTHCHECK, ENTRYPOINT and CMD lines below).
ARG NODE_IMAGE=node:20-bookworm-slim

# 1. build: every dependency, then TypeScript → dist/ and data/*.yml → dist/src/compiled-data/.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts here: the build needs only tsc, not the native SQLite driver, and the root
# `prepare` would try to build before src/ is copied. Sources come after, so a change to src/ keeps
# this layer's cache.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY scripts/ scripts/
COPY tsconfig.json tsconfig.build.json ./
COPY src/ src/
COPY data/ data/
RUN npm run build

# 2. deps: production dependencies only. `prepare` (scripts/prepare.js) sees no TypeScript and skips
# the build; better-sqlite3 fetches its prebuilt binary (linux x64/arm64, glibc). Where that download
# is blocked, add `apt-get install -y python3 make g++` here and it compiles instead.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prepare.js scripts/
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts=false && npm cache clean --force

# 3. runtime
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    DATA_DIR=/app/var \
    PORT=3000 \
    HEALTH_PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules/ node_modules/
COPY --from=build /app/dist/ dist/
COPY data/ data/
COPY package.json ./
# The SQLite file's folder, owned by the image's non-root user (node, uid 1000). On a read-only root
# file system, mount a writable volume here (ECS: a task volume; Kubernetes: an emptyDir).
RUN mkdir -p /app/var && chown 1000:1000 /app/var
# Numeric, so Kubernetes' runAsNonRoot can verify it without a runAsUser.
USER 1000:1000
# HTTP mode: PORT (Slack's requests, /healthz, /readyz, /metrics). Socket Mode: HEALTH_PORT
# (/healthz, /readyz, /metrics).
EXPOSE 3000 8080
# Docker's own check (ECS and Kubernetes use their task definition's and pod's checks instead).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const e=process.env;const p=e.SLACK_APP_TOKEN?e.HEALTH_PORT||'8080':e.PORT||'3000';fetch('http://127.0.0.1:'+p+'/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is PID 1, not npm or a shell: SIGTERM reaches the bot, which stops taking requests,
# finishes those in flight (10 s at most) and closes the database. The CLI in the same image:
# `docker run --rm ecs-vs-eks dist/src/cli/index.js matrix`.
ENTRYPOINT ["node"]
CMD ["dist/src/main.js"]
