# strategy-bot: one replica. Several replicas share one PostgreSQL through DATABASE_URL (docs/deploy.md).
# `npm ci` runs `prepare` (the TypeScript build), which needs the dev dependencies: so the build happens
# in its own stage and the runtime stage installs production dependencies only, without scripts.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY knowledge ./knowledge
RUN npm ci --no-audit --no-fund

FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts skips `prepare`; better-sqlite3 (the SQLite store without DATABASE_URL) still needs its binary.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3

FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY knowledge ./knowledge
COPY manifests ./manifests
RUN mkdir -p /data && chown node:node /data
# The image's unprivileged user; nothing in /app is writable by it.
USER node
EXPOSE 3978
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "bin/strategy-bot.js", "serve"]
