/**
 * CPU time (user + system, ms) of a process and its direct children, read from /proc: a server's cost per request
 * can then be reported beside wall-clock throughput, which on a shared 2-core machine mostly measures the others.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid: string): { ppid: number; ms: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
    return { ppid: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) * TICK_MS };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** CPU ms of `pid` and of every live process whose parent it is (cluster workers). */
export function treeCpuMs(pid: number): number {
  let ms = stat(String(pid))?.ms ?? 0;
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    const s = stat(p);
    if (s && s.ppid === pid) ms += s.ms;
  }
  return ms;
}
