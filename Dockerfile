# One image for every instance (docs/deploy.md). Not built in CI (no Docker on the CI machines); kept simple.
# Not Next.js's `output: "standalone"`: server.mjs starts Next.js through `next()`, which loads next.config.ts
# (with the next-intl plugin) and the full .next directory, and the migrations in drizzle/ are read at run time
# by path; none of that is in the standalone tree. So the image holds the build and the production dependencies.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
# HOSTNAME: server.mjs listens on it, and Docker would otherwise set it to the container's name.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 DATA_DIR=/data
# DATA_DIR holds emails written as files and local attachments when SMTP_URL / UPLOADTHING_TOKEN are unset
# (and PGlite without DATABASE_URL, which suits one instance only): mount a volume there, or set those variables.
RUN mkdir /data && chown node:node /data
COPY --from=build --chown=node:node /app ./
USER node
EXPOSE 3000
# What a balancer asks too: 200 while the instance and its database answer.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# server.mjs directly (not `npm start`): SIGTERM reaches the server, which drains and exits.
CMD ["node", "server.mjs"]
