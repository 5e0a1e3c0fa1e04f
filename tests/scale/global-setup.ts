import { Redis } from "ioredis";
import { assertPrerequisites, SCALE_REDIS_URL } from "./cluster";

// Says what is missing (a build, HAProxy, Redis) before any instance starts.
export default async function setup(): Promise<void> {
  assertPrerequisites();
  const redis = new Redis(SCALE_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`npm run test:scale needs Redis at ${SCALE_REDIS_URL} (or SCALE_REDIS_URL): ${(error as Error).message}`);
  } finally {
    redis.disconnect();
  }
}
