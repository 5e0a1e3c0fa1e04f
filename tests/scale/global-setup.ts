import { assertPrerequisites } from "./cluster";

// Says what is missing (a build, HAProxy) before any instance starts.
export default function setup(): void {
  assertPrerequisites();
}
