/** 10,000 malformed requests against the running server; then it must still answer /healthz and a search. */

const BAD: { path: string; init?: RequestInit }[] = [
  { path: '/v1/citations', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": ' } },
  { path: '/v1/citations', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": 42}' } },
  { path: '/v1/citation-lookup', init: { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' } },
  { path: '/v1/assess', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"date":"2019-99-99","facts":"x"}' } },
  { path: '/v1/assess', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' } },
  { path: '/v1/search?q=%22&limit=-1' },
  { path: '/v1/search?q=dog&cursor=AAAA' },
  { path: '/v1/search?after=yesterday' },
  { path: '/v1/cases/%00%ff' },
  { path: '/assets/..%2f..%2fpackage.json' },
  { path: '/v1/briefs/check', init: { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: 'PK\u0003\u0004 not a docx' } },
  { path: '/v1/imports/cases', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' } },
  { path: '/v1/citations', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x'.repeat(9 << 20) }) } },
];

export async function malformed(base: string, count: number, concurrency: number) {
  const statuses: Record<string, number> = {};
  let next = 0;
  let fiveXX = 0;
  const t0 = performance.now();
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      // The 9 MB body is sent once in 500 requests: it checks the size limit without flooding loopback.
      const bad = i % 500 === 0 ? BAD[BAD.length - 1]! : BAD[i % (BAD.length - 1)]!;
      try {
        const res = await fetch(base + bad.path, bad.init);
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status >= 500) fiveXX++;
      } catch (e) {
        statuses[(e as Error).message] = (statuses[(e as Error).message] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const health = await fetch(`${base}/healthz`);
  const search = await fetch(`${base}/v1/search?q=force`);
  const ok = health.status === 200 && search.status === 200;
  await health.arrayBuffer();
  await search.arrayBuffer();
  process.stdout.write(`\n${count} malformed requests in ${seconds.toFixed(1)} s: statuses ${JSON.stringify(statuses)}; 5xx: ${fiveXX}; server still answers: ${ok ? 'yes' : 'NO'}\n`);
  return { count, seconds: +seconds.toFixed(1), statuses, five_xx: fiveXX, still_answers: ok };
}
