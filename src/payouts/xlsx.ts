import { readFile } from 'node:fs/promises';
import { ClearlyError } from '../errors/index.js';
import { inflateEntry, readEntries, zipEntries, type ZipEntry } from './zip.js';

/**
 * A minimal .xlsx (SpreadsheetML) reader: sheet list, shared strings, and worksheet rows streamed one at a time.
 * It reads cell values as stored — numbers keep their exact text (so `271864.78000000003` can be parsed to cents
 * without a float), dates stay serial numbers until the caller knows a column holds dates. Styles are not read:
 * which columns are dates is declared by the mapping, which is sturdier than guessing from number formats.
 */
export interface XlsxCell {
  type: 'string' | 'number' | 'boolean' | 'error' | 'date';
  text: string;
}
export interface XlsxRow {
  /** 1-based worksheet row number. */
  row: number;
  /** Indexed by 0-based column; holes are empty cells. */
  cells: (XlsxCell | undefined)[];
}
export interface Workbook {
  file: string;
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  sheets: { name: string; path: string; hidden: boolean }[];
  sharedStrings: string[];
  date1904: boolean;
}

const P = '(?:[\\w.-]+:)?'; // elements may carry a namespace prefix (`x:row`) in some generators

function attrs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]!, decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** XML entities, then OOXML's `_xHHHH_` escapes for characters XML cannot carry. */
export function decodeXml(s: string): string {
  return s
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
      e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'"
        : String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)))
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Text of a string item: plain `<t>` or rich-text runs; phonetic hints (`<rPh>`) are not part of the value. */
function richText(xml: string): string {
  const body = xml.replace(new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g'), '');
  let out = '';
  for (const m of body.matchAll(new RegExp(`<${P}t(?:\\s[^>]*)?>([\\s\\S]*?)</${P}t>`, 'g'))) out += m[1];
  return decodeXml(out);
}

/** `A` → 0, `Z` → 25, `AA` → 26, `XFD` → 16383. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function rels(xml: string | undefined, base: string): Map<string, { type: string; path: string }> {
  const out = new Map<string, { type: string; path: string }>();
  for (const m of (xml ?? '').matchAll(new RegExp(`<${P}Relationship\\b([^>]*)>`, 'g'))) {
    const a = attrs(m[1]!);
    out.set(a.get('Id') ?? '', { type: a.get('Type') ?? '', path: resolve(base, a.get('Target') ?? '') });
  }
  return out;
}

/** Opens a workbook held in memory (the ZIP directory is at the end, so the compressed file is read whole). */
export function openWorkbook(bytes: Uint8Array, file: string): Workbook {
  const entries = zipEntries(bytes, file);
  const text = (parts: Map<string, Uint8Array>, name: string): string | undefined => {
    const b = parts.get(name);
    return b && new TextDecoder().decode(b);
  };
  const root = readEntries(bytes, ['_rels/.rels'], file);
  const office = [...rels(text(root, '_rels/.rels'), '').values()].find((r) => r.type.endsWith('/officeDocument'));
  const wbPath = office?.path ?? 'xl/workbook.xml';
  const relsPath = resolve(wbPath, `_rels/${wbPath.split('/').pop()}.rels`);
  const meta = readEntries(bytes, [wbPath, relsPath], file);
  const wbXml = text(meta, wbPath);
  if (!wbXml) {
    throw new ClearlyError('bad_data', `${file}: no workbook part (${wbPath}); is this an .xlsx file?`, { location: { file } });
  }
  const wbRels = rels(text(meta, relsPath), wbPath);
  const ssPath = [...wbRels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.path ?? 'xl/sharedStrings.xml';
  const ssXml = text(readEntries(bytes, [ssPath], file), ssPath) ?? '';
  const sharedStrings: string[] = [];
  for (const m of ssXml.matchAll(new RegExp(`<${P}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}si>)`, 'g'))) {
    sharedStrings.push(richText(m[1] ?? ''));
  }
  const sheets: Workbook['sheets'] = [];
  for (const m of wbXml.matchAll(new RegExp(`<${P}sheet\\b([^>]*?)/?>`, 'g'))) {
    const a = attrs(m[1]!);
    const rid = [...a.entries()].find(([k]) => k === 'id' || k.endsWith(':id'))?.[1] ?? '';
    const target = wbRels.get(rid);
    if (target) sheets.push({ name: a.get('name') ?? rid, path: target.path, hidden: (a.get('state') ?? 'visible') !== 'visible' });
  }
  const date1904 = /<(?:[\w.-]+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(wbXml);
  return { file, bytes, entries, sheets, sharedStrings, date1904 };
}

function parseCell(a: Map<string, string>, body: string, wb: Workbook): XlsxCell | undefined {
  const t = a.get('t') ?? 'n';
  if (t === 'inlineStr') {
    const is = new RegExp(`<${P}is\\b[^>]*>([\\s\\S]*?)</${P}is>`).exec(body);
    return { type: 'string', text: richText(is?.[1] ?? '') };
  }
  const v = new RegExp(`<${P}v\\b[^>]*>([\\s\\S]*?)</${P}v>`).exec(body)?.[1];
  if (v === undefined) return undefined; // styled but empty
  const value = decodeXml(v);
  switch (t) {
    case 's': {
      const s = wb.sharedStrings[Number(value)];
      return s === undefined ? { type: 'error', text: `#REF shared string ${value}` } : { type: 'string', text: s };
    }
    case 'str':
      return { type: 'string', text: value };
    case 'b':
      return { type: 'boolean', text: value === '1' ? 'TRUE' : 'FALSE' };
    case 'e':
      return { type: 'error', text: value };
    case 'd':
      return { type: 'date', text: value };
    default:
      return { type: 'number', text: value.trim() };
  }
}

const ROW_OPEN = new RegExp(`<${P}row\\b([^>]*?)(/?)>`, 'g');
const ROW_CLOSE = new RegExp(`</${P}row>`, 'g');
const CELL = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');

/**
 * Streams the rows of a worksheet. Rows and cells without an `r` attribute follow the previous one (the format
 * allows it). `info.dimension` is filled from `<dimension ref>` when the sheet declares it.
 */
export function* sheetRows(wb: Workbook, sheetName: string, info: { dimension?: string } = {}): Generator<XlsxRow> {
  const sheet = wb.sheets.find((s) => s.name === sheetName);
  const entry = sheet && wb.entries.get(sheet.path);
  if (!sheet || !entry) {
    throw new ClearlyError('not_found', `${wb.file}: no worksheet named ${JSON.stringify(sheetName)}`, {
      hint: `Sheets in this workbook: ${wb.sheets.map((s) => s.name).join(', ')}`,
      location: { file: wb.file },
    });
  }
  const decoder = new TextDecoder();
  let pending = '';
  let lastRow = 0;
  let seenRow = false;
  for (const chunk of inflateEntry(wb.bytes, entry, wb.file)) {
    pending += decoder.decode(chunk, { stream: true });
    if (!seenRow && info.dimension === undefined) {
      const d = new RegExp(`<${P}dimension\\b[^>]*\\bref\\s*=\\s*["']([^"']+)["']`).exec(pending);
      if (d) info.dimension = d[1];
    }
    let idx = 0;
    for (;;) {
      ROW_OPEN.lastIndex = idx;
      const open = ROW_OPEN.exec(pending);
      if (!open) {
        const lt = pending.lastIndexOf('<');
        pending = pending.slice(Math.max(idx, lt >= idx ? lt : idx));
        break;
      }
      let body = '';
      let end = ROW_OPEN.lastIndex;
      if (open[2] !== '/') {
        ROW_CLOSE.lastIndex = end;
        const close = ROW_CLOSE.exec(pending);
        if (!close) {
          pending = pending.slice(open.index);
          break;
        }
        body = pending.slice(end, close.index);
        end = ROW_CLOSE.lastIndex;
      }
      seenRow = true;
      const r = Number(attrs(open[1]!).get('r') ?? lastRow + 1);
      lastRow = r;
      const cells: (XlsxCell | undefined)[] = [];
      let col = -1;
      for (const c of body.matchAll(CELL)) {
        const a = attrs(c[1]!);
        const ref = /^([A-Za-z]+)/.exec(a.get('r') ?? '');
        col = ref ? columnIndex(ref[1]!) : col + 1;
        cells[col] = parseCell(a, c[2] ?? '', wb);
      }
      yield { row: r, cells };
      idx = end;
    }
  }
}

/** Reads a workbook file from disk. */
export async function readWorkbookFile(path: string): Promise<Workbook> {
  return openWorkbook(new Uint8Array(await readFile(path)), path);
}
