import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, invalidField } from '../../../platform/http/errors';
import type { UploadedFile } from '../service/images';

/** OpenAPI for a multipart body with one file part; the route reads the stream with readUpload. */
export const fileUploadBody = (description: string) =>
  z
    .object({ file: z.string().meta({ format: 'binary' }).describe(description).optional() })
    // Fastify validates a missing body as null (the multipart stream is read by the handler).
    .nullish()
    .describe('multipart/form-data with one file part named "file".');

/**
 * Reads the one file of a multipart request into memory, at most `maxBytes` (a larger file is the
 * caller's 413). The name and the declared type are only kept; the content decides what it is.
 */
export async function readUpload(
  req: FastifyRequest,
  opts: { maxBytes: number; tooLarge: () => AppError },
): Promise<UploadedFile> {
  if (!req.isMultipart())
    throw new AppError('multipart_required', {
      status: 415,
      params: { type: String(req.headers['content-type'] ?? '') },
    });
  const part = await req.file({ limits: { fileSize: opts.maxBytes } });
  if (!part) throw invalidField('body.file', 'file_required');
  try {
    return { data: await part.toBuffer(), filename: part.filename || null };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw opts.tooLarge();
    throw err;
  }
}
