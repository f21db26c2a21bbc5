// Test-only: multipart/form-data bodies, built by hand as a browser would send them.
import { randomBytes } from 'node:crypto';
import type { Agent } from '../../../../tests/helpers/http';

export function multipartBody(
  data: Buffer,
  opts: { filename?: string; contentType?: string; field?: string } = {},
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----SellerCenterTest${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; ` +
      `filename="${opts.filename ?? 'upload.bin'}"\r\nContent-Type: ${opts.contentType ?? 'application/octet-stream'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, data, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Sends one file as multipart/form-data (field "file"). */
export function sendFile(
  agent: Agent,
  url: string,
  data: Buffer,
  opts: { filename?: string; contentType?: string; method?: 'POST' | 'PUT' } = {},
) {
  const { body, headers } = multipartBody(data, opts);
  return agent.request(opts.method ?? 'POST', url, body, headers);
}
