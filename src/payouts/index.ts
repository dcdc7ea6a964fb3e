/** Public surface of the payouts ledger's ingestion half: readers, normalisers and summaries. */
export * from './types.js';
export { readPayoutFile, readMapped, readMinnesota } from './read.js';
export { readFiveThirtyEight, isRosterHeader, loadRoster, siblingRoster } from './fivethirtyeight.js';
export { loadMapping, validateMapping, builtinMapping, MAPPED_FIELDS, type PayoutMapping, type ColumnSpec } from './mapping.js';
export { classifyAllegation, type Classification, type AllegationMatch } from './allegations.js';
export { normalizePayer, payerKey, type PayerResolution } from './payer.js';
export { summarizePayouts, groupPayouts, quantile, bucketize, payoutYear, SUMMARY_DIMENSIONS } from './summary.js';
export type { PayoutSummary, GroupTotal, Bucket, SummaryDimension } from './summary.js';
export { caveatsFor, allCaveats, type Caveat } from './caveats.js';
export { parseAmount, formatCents } from './money.js';
export { parseDateText, excelSerialToIso, parseYear } from './dates.js';
export { openWorkbook, sheetRows, columnIndex, columnLetters, type Workbook, type XlsxCell, type XlsxRow } from './xlsx.js';
