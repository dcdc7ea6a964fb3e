/** Brief and complaint check: citations verified against the store, with qualified-immunity warnings. */
export { verifyText, type VerifyReport, type VerifiedCitation, type VerifyStatus, type CaseMatch } from './verify.js';
export { readDocument, documentFromBytes, type DocumentText } from './read-document.js';
export { qiWarnings, type Warning, type WarningCode, type IncidentContext } from './warnings.js';
