import fc from "fast-check";

const codeUnit = (min: number, max: number) => fc.integer({ min, max }).map((unit) => String.fromCharCode(unit));

/**
 * One character from anywhere in Unicode, as a client can send it: any code point (fast-check's "binary"
 * unit, U+0000–U+10FFFF, astral ones included), with the control characters (C0, DEL, C1) weighted up,
 * because text bugs live there, and lone surrogates (JSON.parse makes one of "\ud800"), which "binary"
 * never produces.
 */
export const anyCharacter = fc.oneof(
  { weight: 12, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: codeUnit(0x00, 0x1f) },
  { weight: 1, arbitrary: codeUnit(0x7f, 0x9f) },
  { weight: 1, arbitrary: codeUnit(0xd800, 0xdfff) },
);

export const anyText = (maxLength: number) => fc.string({ unit: anyCharacter, maxLength });
