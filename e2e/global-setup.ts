import type { FullConfig } from "@playwright/test";
import { startTestServer } from "../tests/support/test-server";

// One built app on a fresh database for the whole browser suite; specs read its address from BASE_URL.
export default async function globalSetup(_config: FullConfig) {
  const server = await startTestServer();
  process.env.BASE_URL = server.baseURL;
  return server.stop;
}
