import { test as base, expect } from "@playwright/test";

export const test = base.extend({
  // The app under test is started by global-setup.ts on a free port.
  baseURL: async ({}, provide) => {
    await provide(process.env.BASE_URL);
  },
});

export { expect };
