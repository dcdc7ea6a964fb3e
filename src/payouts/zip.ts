import { Inflate, unzipSync } from 'fflate';
import { ClearlyError } from '../errors/index.js';

/**
 * Just enough ZIP for .xlsx. Small parts (workbook, relationships, shared strings) are extracted whole with
 * fflate's unzipSync; a worksheet, which can be large, is inflated in slices so rows can be parsed and dropped as
 * they come. For that we read the central directory ourselves: it always has the compressed size, which the local
 * headers of streamed ZIPs may leave out.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

function bad(file: string, message: string): ClearlyError {
  return new ClearlyError('bad_data', `${file}: ${message}`, {
    hint: 'Check that the file is an .xlsx workbook (a ZIP archive); re-save it from Excel or LibreOffice.',
    location: { file },
  });
}

/** Lists the archive's entries from its central directory. */
export function zipEntries(bytes: Uint8Array, file: string): Map<string, ZipEntry> {
  let eocd = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 65_535); o--) {
    if (u32(bytes, o) === 0x06054b50) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw bad(file, 'not a ZIP archive (no end-of-central-directory record)');
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  if (p === 0xffffffff || count === 0xffff) throw bad(file, 'ZIP64 archives are not supported');
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw bad(file, 'corrupt ZIP central directory');
    const nameLen = u16(bytes, p + 28);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.set(name, {
      name,
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      localOffset: u32(bytes, p + 42),
    });
    p += 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

/** Extracts the named entries whole (those that exist). */
export function readEntries(bytes: Uint8Array, names: readonly string[], file: string): Map<string, Uint8Array> {
  const wanted = new Set(names);
  try {
    const out = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
    return new Map(Object.entries(out));
  } catch (err) {
    throw bad(file, `cannot unzip: ${(err as Error).message}`);
  }
}

/** Inflates one entry in slices of about `slice` compressed bytes, yielding the uncompressed pieces. */
export function* inflateEntry(bytes: Uint8Array, entry: ZipEntry, file: string, slice = 1 << 16): Generator<Uint8Array> {
  const o = entry.localOffset;
  if (u32(bytes, o) !== 0x04034b50) throw bad(file, `corrupt local header for ${entry.name}`);
  const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += slice) yield data.subarray(i, i + slice);
    return;
  }
  if (entry.method !== 8) throw bad(file, `${entry.name} uses unsupported compression method ${entry.method}`);
  const out: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => void out.push(chunk));
  for (let i = 0; i < data.length || i === 0; i += slice) {
    try {
      inflater.push(data.subarray(i, i + slice), i + slice >= data.length);
    } catch (err) {
      throw bad(file, `cannot inflate ${entry.name}: ${(err as Error).message}`);
    }
    while (out.length) yield out.shift()!;
  }
}
