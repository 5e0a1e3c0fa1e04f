# One image for every instance (docs/deploy.md). Not built in CI (there is no Docker on the CI machines); kept short so
# that it can be checked by reading. The runtime stage is Next.js's standalone output (`output: "standalone"` in
# next.config.ts): the server bundles, only the node_modules they use, and the migrations (traced in next.config.ts),
# plus server.mjs, which finds the build's config there instead of next.config.ts.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build
# This stage also runs the commands, which need the sources and tsx (`docker build --target build -t desk-tools .`,
# then e.g. `docker run --rm -e DATABASE_URL=… desk-tools npm run token:create -- "CRM"`).

FROM node:20-bookworm-slim
WORKDIR /app
# HOSTNAME: server.mjs listens on it, and Docker would otherwise set it to the container's name.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 DATA_DIR=/data
# DATA_DIR holds emails written as files and local attachments when SMTP_URL / UPLOADTHING_TOKEN are unset
# (and PGlite without DATABASE_URL, which suits one instance only): mount a volume there, or set those variables.
RUN mkdir /data && chown node:node /data
COPY --from=build --chown=node:node /app/.next/standalone ./
# What the standalone output leaves to be copied: the browser's files, and our server.
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/server.mjs ./
USER node
EXPOSE 3000
# What a balancer asks too: 200 while the instance and its database answer.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# server.mjs directly (not `npm start`): SIGTERM reaches the server, which drains and exits.
CMD ["node", "server.mjs"]
