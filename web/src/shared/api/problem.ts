import type { FormInstance } from 'antd';
import i18next from 'i18next';
import { ApiError } from './client';

/** The human message of any error thrown by a query or mutation. */
export function errorDetail(error: unknown): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title ?? error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Maps a problem's `errors[]` (`body.email`, `body.address.city`, `body.items.0.type`) onto form fields. */
export function fieldErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(error instanceof ApiError) || !error.problem.errors) return [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const item of error.problem.errors) {
    const parts = item.path
      .replace(/^\//, '')
      .split(/[./]/)
      .filter((p) => p.length > 0);
    if (parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params') parts.shift();
    if (parts.length === 0) continue;
    const name = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(i18next.t(`common:fieldErrors.${item.message}`, { defaultValue: item.message }));
    byField.set(key, entry);
  }
  return [...byField.values()];
}

/**
 * Puts field errors onto the form. Returns true when every error found a registered field,
 * so the caller can skip the general alert.
 */
export function applyFormErrors(form: FormInstance, error: unknown): boolean {
  const fields = fieldErrors(error);
  if (fields.length === 0) return false;
  const registered = new Set(
    form
      .getFieldsError()
      .map((f) => f.name.join('.'))
      .filter((n) => n.length > 0),
  );
  const known = fields.filter((f) => registered.has(f.name.join('.')));
  if (known.length > 0) form.setFields(known);
  return known.length === fields.length;
}
