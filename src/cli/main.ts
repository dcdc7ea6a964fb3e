/** The `clearly` command: a thin layer over the library. stdout carries data; stderr carries talk. */
import { Command, CommanderError } from 'commander';
import { EXIT, toClearlyError } from '../errors/index.js';
import { registerCite } from './commands/cite.js';
import { registerCase } from './commands/case.js';
import { registerImport } from './commands/import.js';
import { registerImportCourtListener } from './commands/import-courtlistener.js';
import { registerSearch } from './commands/search.js';
import { registerMigrateStore } from './commands/migrate-store.js';
import { registerServe } from './commands/serve.js';
import { registerPayouts } from './commands/payouts.js';
import { registerStats } from './commands/stats.js';
import { registerAssess } from './commands/assess.js';
import { registerVerify } from './commands/verify.js';
import { registerCode } from './commands/code.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('clearly')
    .description('Open research engine for qualified immunity. Not legal advice.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  registerCite(program);
  registerImport(program);
  registerImportCourtListener(program);
  registerSearch(program);
  registerCase(program);
  registerMigrateStore(program);
  registerServe(program);
  registerPayouts(program);
  registerStats(program);
  registerAssess(program);
  registerVerify(program);
  registerCode(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const onSigint = (): void => {
    process.stderr.write('clearly: interrupted\n');
    process.exit(EXIT.interrupted);
  };
  process.once('SIGINT', onSigint);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const e = toClearlyError(err);
    const where = e.location ? ` (${[e.location.file, e.location.line, e.location.id].filter((x) => x !== undefined).join(':')})` : '';
    process.stderr.write(`clearly: error [${e.code}]: ${e.message}${where}\n  hint: ${e.hint}\n`);
    if (e.code === 'internal' && e.cause instanceof Error && process.env.CLEARLY_DEBUG) process.stderr.write(`${e.cause.stack}\n`);
    return e.exitCode;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
