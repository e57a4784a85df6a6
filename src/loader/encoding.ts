// Where a file stops being UTF-8, for the not-utf8 finding: the line and column of the first byte
// that is not, and what that byte most likely meant (an editor that saved in Windows-1252).

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points above U+10FFFF.
    const second = bytes[i + 1]!;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return 0;
}

/** Line and column (1-based, in characters) of the first invalid byte, and the byte as the message shows it. */
export function locateInvalidUtf8(bytes: Uint8Array): { line: number; column: number; byte: string; guess?: string } {
  const at = firstInvalidUtf8(bytes);
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = Buffer.from(bytes.subarray(lineStart, at)).toString('utf8').length + 1;
  const value = bytes[at]!;
  const byte = `0x${value.toString(16).toUpperCase().padStart(2, '0')}`;
  const guess = windows1252(value);
  return { line, column, byte, ...(guess && guess.trim() !== '' ? { guess } : {}) };
}

/**
 * Windows-1252 bytes 0x80-0x9F (curly quotes, dashes, the euro sign: what editors on Windows write),
 * by the WHATWG encoding table; Node's TextDecoder reads these as Latin-1 control characters. Five
 * bytes have no character.
 */
const WINDOWS_1252_80_9F = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

/** The character a Windows-1252 byte stands for (0xA0-0xFF are Latin-1); undefined when there is none. */
function windows1252(byte: number): string | undefined {
  if (byte < 0x80) return undefined;
  const char = byte < 0xa0 ? WINDOWS_1252_80_9F[byte - 0x80]! : String.fromCharCode(byte);
  return char === '\u0000' ? undefined : char;
}
