/**
 * Precedential status from what the opinion says about itself. The First Circuit marked non-precedential
 * opinions "[NOT FOR PUBLICATION]" (1990s) and later "Not for Publication in West's Federal Reporter"; its slip
 * opinion files are named with P (published), U (unpublished) or E (errata), e.g. `12-1573P-01A.pdf`.
 * The Second Circuit's summary orders (`_so.pdf`) are non-precedential (2d Cir. R. 32.1.1(a)).
 */
import type { PrecedentialStatus } from '../../store/index.js';

export interface FoundStatus {
  status: PrecedentialStatus;
  method: string;
  confidence: number;
}

const UNPUBLISHED_TEXT = /not\s+for\s+publication|unpublished\s+opinion|non-?precedential|summary\s+order|not\s+(?:to\s+be\s+)?cited\s+as\s+precedent/i;
const ERRATA_TEXT = /^\s*errata(?:\s+sheet)?\s*$/im;

export function statusFromFileName(url: string | null | undefined): FoundStatus | undefined {
  if (!url) return undefined;
  const name = url.slice(url.lastIndexOf('/') + 1);
  const ca1 = /^\d{2}-\d{1,5}([PUE])/i.exec(name);
  if (ca1) {
    const letter = ca1[1]!.toUpperCase();
    const status: PrecedentialStatus = letter === 'P' ? 'published' : letter === 'U' ? 'unpublished' : 'errata';
    return { status, method: `download file name letter "${letter}"`, confidence: 0.95 };
  }
  if (/_so\.pdf$/i.test(name)) return { status: 'unpublished', method: 'download file name: summary order', confidence: 0.9 };
  if (/_opn\.pdf$/i.test(name)) return { status: 'published', method: 'download file name: opinion', confidence: 0.85 };
  return undefined;
}

export function statusFromText(text: string): FoundStatus | undefined {
  const head = text.slice(0, 3000);
  if (ERRATA_TEXT.test(head)) return { status: 'errata', method: 'text: errata sheet', confidence: 0.9 };
  if (UNPUBLISHED_TEXT.test(head)) return { status: 'unpublished', method: 'text: marked not for publication', confidence: 0.95 };
  return undefined;
}

/**
 * File name first (the court's own filing category), then the text's marks, then a weak default: an appellate
 * opinion with no non-publication mark was, in the reporters of its time, ordinarily published.
 */
export function inferStatus(text: string, downloadUrl?: string | null, appellate = true): FoundStatus | undefined {
  const byText = statusFromText(text);
  const byName = statusFromFileName(downloadUrl);
  if (byName && byText && byName.status !== byText.status) return byText.status === 'errata' ? byText : byName;
  if (byName) return byName;
  if (byText) return byText;
  return appellate ? { status: 'published', method: 'default: appellate opinion without a non-publication mark', confidence: 0.6 } : undefined;
}
