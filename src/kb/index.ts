/**
 * The built-in knowledge base: leading Supreme Court and court-of-appeals decisions of doctrine.md §4, shipped
 * with the program (data/kb/decisions.json) and loaded into a fresh store so the first `clearly assess` has real
 * precedents without any download. See docs/knowledge-base.md.
 */
export type * from './types.js';
export { knowledgeBase, kbDecision, kbHash, kbVersion, kbDataPath, LOADER_VERSION } from './data.js';
export { validateKnowledgeBase, type KbIssue } from './validate.js';
export { loadKnowledgeBase, ensureKnowledgeBase, KB_CHECKPOINT, type KbLoadResult } from './load.js';
export { kbCaseId, kbCaseInput, kbCoding, kbLinks, decidesQi, KB_SOURCE, KB_METHOD, type KbCoding } from './records.js';
export { fullCitation, primaryCitation, historyText, summaryText, SUMMARY_NOTICE } from './summary.js';
