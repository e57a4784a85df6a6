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
  // Only on this error path: a Windows-1252 decoder sets up ICU, which a normal start does not pay.
  const guess = value >= 0x80 ? new TextDecoder('windows-1252').decode(bytes.subarray(at, at + 1)) : undefined;
  return { line, column, byte, ...(guess && guess.trim() !== '' ? { guess } : {}) };
}
