import { describe, expect, it } from "vitest";
import { isNonPublicAddress } from "./target-address";

describe("isNonPublicAddress", () => {
  it.each([
    "127.0.0.1", "10.0.0.8", "172.16.4.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
    "::1", "::", "fe80::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:a9fe:a9fe", "not an address",
  ])("refuses %s", (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:2800:220:1:248:1893:25c8:1946"])("lets %s through", (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });
});
