/**
 * The one error catalog. Every failure the program reports has a code here; the code fixes the CLI exit code
 * (sysexits.h values, so shell scripts can tell bad input from a bug) and the HTTP status of the problem body
 * (RFC 9457). Messages say what went wrong; hints say how to fix it.
 */
export interface ErrorSpec {
  /** Process exit code for the CLI. */
  readonly exit: number;
  /** HTTP status for the API's problem+json body. */
  readonly status: number;
  /** Short title, constant per code. */
  readonly title: string;
  /** Default hint shown under the message. */
  readonly hint: string;
}

export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  dataErr: 65, // EX_DATAERR
  noInput: 66, // EX_NOINPUT
  cantCreate: 73, // EX_CANTCREAT
  interrupted: 130, // 128 + SIGINT
} as const;

export const CATALOG = {
  internal: {
    exit: EXIT.internal,
    status: 500,
    title: 'Internal error',
    hint: 'This is a bug in clearly. Re-run with --verbose and report the output.',
  },
  usage: {
    exit: EXIT.usage,
    status: 400,
    title: 'Invalid usage',
    hint: 'Run the command with --help to see its arguments and options.',
  },
  bad_data: {
    exit: EXIT.dataErr,
    status: 422,
    title: 'Input could not be read as data',
    hint: 'Check the file is in the expected format and encoding (UTF-8); the message names the place.',
  },
  input_too_large: {
    exit: EXIT.dataErr,
    status: 413,
    title: 'Input too large',
    hint: 'Split the input into smaller files or raise the limit with the documented option.',
  },
  missing_input: {
    exit: EXIT.noInput,
    status: 404,
    title: 'Input not found',
    hint: 'Check the path exists and is readable; use - to read standard input.',
  },
  not_found: {
    exit: EXIT.noInput,
    status: 404,
    title: 'Not found',
    hint: 'Check the identifier or citation; search first to find the right one.',
  },
  cannot_write: {
    exit: EXIT.cantCreate,
    status: 500,
    title: 'Cannot write output',
    hint: 'Check the directory exists, is writable and the disk has space.',
  },
  interrupted: {
    exit: EXIT.interrupted,
    status: 503,
    title: 'Interrupted',
    hint: 'Run the same command again; imports resume where they stopped.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof CATALOG;
