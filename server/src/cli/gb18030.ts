// GB18030 (and its GBK subset) for drafts saved by Chinese Windows: Node's TextDecoder reads it but
// nothing writes it, so the encoder's table is built from the decoder itself, once, on first use:
// every two-byte sequence and every four-byte sequence of the BMP range, decoded in two calls.
// Supplementary code points are arithmetic (0x90308130 is U+10000).

/** Bytes for each BMP code unit: two-byte sequences packed as 0xLLTT, four-byte as 0xB1B2B3B4. */
let bytesOf: Uint32Array | undefined;
/** 1, 2 or 4; 0 where GB18030 has no sequence (surrogates and code points the decoder never yields). */
let lengthOf: Uint8Array | undefined;

const FOUR_BYTE_BMP = 39420;

function table(): { bytesOf: Uint32Array; lengthOf: Uint8Array } {
  if (bytesOf && lengthOf) return { bytesOf, lengthOf };
  const bytes = new Uint32Array(0x10000);
  const lengths = new Uint8Array(0x10000);
  for (let c = 0; c < 0x80; c++) {
    bytes[c] = c;
    lengths[c] = 1;
  }
  const decoder = new TextDecoder('gb18030');
  // Two bytes: lead 0x81–0xFE, trail 0x40–0xFE except 0x7F. Each decodes to one BMP code unit.
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push((lead << 8) | trail);
  const pairBytes = new Uint8Array(pairs.length * 2);
  pairs.forEach((p, i) => {
    pairBytes[2 * i] = p >> 8;
    pairBytes[2 * i + 1] = p & 0xff;
  });
  const pairText = decoder.decode(pairBytes);
  if (pairText.length !== pairs.length) throw new Error('unexpected GB18030 decoder (two-byte range)');
  for (let i = 0; i < pairs.length; i++) {
    const c = pairText.charCodeAt(i);
    // A code point reachable both ways (e.g. U+3000 at A1A1 and A3A0) keeps the first, most common one.
    if (lengths[c]) continue;
    bytes[c] = pairs[i];
    lengths[c] = 2;
  }
  // Four bytes, BMP part: linear index 0 … 39419 → 81 30 81 30 … 84 31 A4 39.
  const quads = new Uint8Array(FOUR_BYTE_BMP * 4);
  for (let i = 0; i < FOUR_BYTE_BMP; i++) quads.set(fourBytes(i, 0x81), 4 * i);
  const quadText = decoder.decode(quads);
  if (quadText.length !== FOUR_BYTE_BMP) throw new Error('unexpected GB18030 decoder (four-byte range)');
  for (let i = 0; i < FOUR_BYTE_BMP; i++) {
    const c = quadText.charCodeAt(i);
    // Two-byte forms win where both exist (GB18030-2022 moved some characters out of the PUA).
    if (lengths[c]) continue;
    const q = quads.subarray(4 * i, 4 * i + 4);
    bytes[c] = ((q[0] << 24) | (q[1] << 16) | (q[2] << 8) | q[3]) >>> 0;
    lengths[c] = 4;
  }
  bytesOf = bytes;
  lengthOf = lengths;
  return { bytesOf, lengthOf };
}

/** The four bytes of linear index `i` counted from lead byte `first` (0x81 for the BMP, 0x90 beyond). */
function fourBytes(i: number, first: number): number[] {
  const b4 = 0x30 + (i % 10);
  i = Math.floor(i / 10);
  const b3 = 0x81 + (i % 126);
  i = Math.floor(i / 126);
  const b2 = 0x30 + (i % 10);
  const b1 = first + Math.floor(i / 10);
  return [b1, b2, b3, b4];
}

export class UnencodableError extends Error {
  constructor(readonly codePoint: number) {
    super(`U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} has no GB18030/GBK form`);
  }
}

/**
 * `text` in GB18030, or in GBK when `gbkOnly` (no four-byte sequences). Throws UnencodableError for
 * a lone surrogate or a code point the encoding lacks, rather than writing a replacement.
 */
export function encodeGb18030(text: string, gbkOnly = false): Buffer {
  const { bytesOf, lengthOf } = table();
  const out = Buffer.alloc(text.length * 4);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
        if (gbkOnly) throw new UnencodableError(c);
        for (const b of fourBytes(c - 0x10000, 0x90)) out[n++] = b;
        continue;
      }
    }
    const length = lengthOf[c];
    if (length === 0 || (gbkOnly && length === 4)) throw new UnencodableError(c);
    const packed = bytesOf[c];
    if (length === 1) out[n++] = packed;
    else if (length === 2) {
      out[n++] = packed >> 8;
      out[n++] = packed & 0xff;
    } else {
      out[n++] = packed >>> 24;
      out[n++] = (packed >> 16) & 0xff;
      out[n++] = (packed >> 8) & 0xff;
      out[n++] = packed & 0xff;
    }
  }
  return out.subarray(0, n);
}

/**
 * The byte length of the GB18030 sequence starting at `i` (1, 2 or 4), for bytes that decoded
 * without error; each sequence is one code point.
 */
export function gb18030SequenceLength(bytes: Uint8Array, i: number): 1 | 2 | 4 {
  const lead = bytes[i];
  if (lead < 0x81 || lead === 0xff) return 1;
  const next = bytes[i + 1];
  return next >= 0x30 && next <= 0x39 ? 4 : 2;
}
