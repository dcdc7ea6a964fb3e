/** Calls to the JSON API. Failures arrive as RFC 9457 problem bodies and are thrown as ApiError. */

export interface Problem {
  title: string;
  detail: string;
  hint?: string;
  code: string;
  status: number;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

async function check(res: Response): Promise<Response> {
  if (res.ok) return res;
  let problem: Problem;
  try {
    problem = (await res.json()) as Problem;
  } catch {
    problem = { title: res.statusText, detail: `The server answered ${res.status}.`, code: 'internal', status: res.status };
  }
  throw new ApiError(problem);
}

export async function getJson<T>(path: string): Promise<T> {
  return (await check(await fetch(path, { headers: { accept: 'application/json' } }))).json() as Promise<T>;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
  return (await check(res)).json() as Promise<T>;
}

export async function postBody<T>(path: string, body: Blob | string, type: string): Promise<T> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': type, accept: 'application/json' }, body });
  return (await check(res)).json() as Promise<T>;
}

export async function postForBlob(path: string, body: unknown): Promise<Blob> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await check(res)).blob();
}

/** Builds a query string from the non-empty values; a list becomes a repeated parameter (`factor=a&factor=b`). */
export function query(params: Record<string, string | readonly string[] | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const one of typeof v === 'string' ? [v] : v ?? []) if (one !== '') q.append(k, one);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface CaseSummary {
  id: string;
  case_name: string;
  court_id: string | null;
  decision_date: string | null;
  precedential_status: string;
  citation: string | null;
}

export interface CaseRecord extends Omit<CaseSummary, 'citation'> {
  case_name_short: string | null;
  circuit: string | null;
  docket_number: string | null;
  citations: { volume: string; reporter: string; page: string; cite?: string }[];
  disposition: string | null;
  subsequent_history: string | null;
  source_url: string | null;
}

export interface Court { id: string; name: string; short_name: string; citation: string; level: string; circuit: string | null }

let courts: Promise<Court[]> | null = null;
/** The court table, fetched once per page load. */
export function loadCourts(): Promise<Court[]> {
  return (courts ??= getJson<Court[]>('/v1/courts').catch((e: unknown) => {
    courts = null;
    throw e;
  }));
}

export const cite = (c: CaseRecord): string | null => {
  const f = c.citations[0];
  return f ? f.cite ?? `${f.volume} ${f.reporter} ${f.page}` : null;
};
