// Test-only: uploading import files and waiting for the import job.
import type { Agent } from '../../../../tests/helpers/http';
import { sendFile } from './multipart';

export interface ImportView {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  mode: string;
  encoding: string | null;
  delimiter: string | null;
  categoryId: string | null;
  totalRows: number | null;
  doneRows: number;
  progress: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  error: { code: string; message: string } | null;
  errorFile: { csv: string; xlsx: string } | null;
}

/** POST /api/v1/seller/imports with one file; the query string carries the options. */
export function uploadImport(
  agent: Agent,
  data: Buffer | string,
  opts: { filename?: string; query?: Record<string, string | undefined> } = {},
) {
  const query = new URLSearchParams(
    Object.entries(opts.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();
  return sendFile(agent, `/api/v1/seller/imports${query ? `?${query}` : ''}`, Buffer.from(data), {
    filename: opts.filename ?? 'products.csv',
    contentType: 'text/csv',
  });
}

/** Polls the import until it has finished (succeeded or failed). */
export async function waitForImport(agent: Agent, id: string, timeoutMs = 60_000): Promise<ImportView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await agent.get(`/api/v1/seller/imports/${id}`);
    if (res.statusCode !== 200) throw new Error(`import ${id}: ${res.statusCode} ${res.body}`);
    const view = res.json() as ImportView;
    if (view.status === 'succeeded' || view.status === 'failed') return view;
    if (Date.now() > until) throw new Error(`import ${id} did not finish: ${res.body}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Uploads and waits; fails the test when the upload is refused. */
export async function importFile(
  agent: Agent,
  data: Buffer | string,
  opts: { filename?: string; query?: Record<string, string | undefined> } = {},
): Promise<ImportView> {
  const res = await uploadImport(agent, data, opts);
  if (res.statusCode !== 202) throw new Error(`upload refused: ${res.statusCode} ${res.body}`);
  return waitForImport(agent, res.json().id as string);
}

/** A CSV text from rows (fields with commas, quotes or newlines quoted). */
export function csv(rows: (string | number | null | undefined)[][], delimiter = ','): string {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r;\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(cell).join(delimiter)).join('\r\n')}\r\n`;
}
