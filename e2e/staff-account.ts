/** The staff admin the browser suite signs in as; global-setup.ts creates it with `npm run staff:create`. */
export const STAFF = { email: "agent@kinconecta.test", password: "agent-password-e2e" };
