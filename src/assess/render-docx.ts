/** Blocks → DOCX (Word) with the `docx` package: headings, bullet lists, quotes and bordered tables. */
import * as docxModule from 'docx';
import { runs, type Block, type Inline } from './blocks.js';

/*
 * docx@8 ships declarations whose directory re-exports NodeNext resolution cannot follow (only `Document` comes
 * through), while the runtime module exports everything. This facade types the few members used here.
 */
type Ctor<T = object> = new (opts: Record<string, unknown>) => T;
interface Paragraph { readonly _p?: never }
interface Table { readonly _t?: never }
interface TextRun { readonly _r?: never }
interface TableCell { readonly _c?: never }
interface TableRow { readonly _w?: never }
const { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, HeadingLevel, WidthType } = docxModule as unknown as {
  Document: Ctor;
  Packer: { toBuffer(doc: object): Promise<Buffer> };
  Paragraph: Ctor<Paragraph>;
  Table: Ctor<Table>;
  TableCell: Ctor<TableCell>;
  TableRow: Ctor<TableRow>;
  TextRun: Ctor<TextRun>;
  HeadingLevel: Record<'HEADING_1' | 'HEADING_2' | 'HEADING_3', string>;
  WidthType: Record<'PERCENTAGE', string>;
};

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

const textRuns = (x: Inline, extra: { italics?: boolean } = {}): TextRun[] =>
  runs(x).map((r) => new TextRun({ text: r.t, bold: r.b ?? false, italics: (r.i ?? false) || (extra.italics ?? false) }));

function cell(x: Inline, header = false): TableCell {
  const children = header ? [new TextRun({ text: runs(x).map((r) => r.t).join(''), bold: true })] : textRuns(x);
  return new TableCell({ children: [new Paragraph({ children })] });
}

function block(blk: Block): (Paragraph | Table)[] {
  switch (blk.kind) {
    case 'h': return [new Paragraph({ text: blk.text, heading: HEADINGS[blk.level] })];
    case 'p': return [new Paragraph({ children: textRuns(blk.runs), spacing: { after: 120 } })];
    case 'note': return [new Paragraph({ children: textRuns(blk.runs), border: { left: { style: 'single', size: 12, color: 'BB0000', space: 6 } }, spacing: { after: 120 } })];
    case 'list': return blk.items.map((it) => new Paragraph({ children: textRuns(it), bullet: { level: 0 } }));
    case 'quote': return [new Paragraph({ children: textRuns(blk.text, { italics: true }), indent: { left: 720 } })];
    case 'rule': return [new Paragraph({ text: '', border: { bottom: { style: 'single', size: 6, color: '999999', space: 1 } } })];
    case 'table':
      return [new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: blk.head.map((h) => cell(h, true)) }),
          ...blk.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
        ],
      }), new Paragraph({ text: '' })];
  }
}

export async function renderDocx(blocks: readonly Block[], title = 'Qualified immunity — research memo'): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: 'clearly',
    description: 'Not legal advice.',
    sections: [{ children: blocks.flatMap(block) }],
  });
  return Packer.toBuffer(doc);
}
