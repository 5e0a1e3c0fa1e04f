import { describe, expect, it } from "vitest";
import { isImageFileName } from "./types";

describe("isImageFileName", () => {
  it.each(["screenshot.png", "photo.JPG", "photo.jpeg", "animation.gif", "picture.webp", "a.b.png"])("shows %s inline", (name) => {
    expect(isImageFileName(name)).toBe(true);
  });

  it.each(["booking.pdf", "notes.txt", "png", "archive.png.zip", "image.svg", ""])("links %s instead of showing it", (name) => {
    expect(isImageFileName(name)).toBe(false);
  });
});
