/**
 * Node-only: sanitizes a HAR file into another, streaming both ways (64 KiB reads as the reader
 * does, writes awaited for back-pressure), so memory stays near one entry whatever the file's size.
 * The output is written to a temporary file beside OUT and renamed at the end: a failure (a
 * truncated HAR, a full disk) never leaves a half-sanitized file under the name the user gave.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { JoinDoctorError, isJoinDoctorError } from '../errors';
import { sanitizeHar, type SanitizeOptions, type SanitizeSummary } from './sanitize';

const HAR_READ_CHUNK = 64 * 1024;

export interface SanitizeFileSummary extends SanitizeSummary {
  bytesIn: number;
  bytesOut: number;
}

export async function sanitizeHarFile(inputPath: string, outputPath: string, opts: SanitizeOptions & { signal?: { aborted: boolean } } = {}): Promise<SanitizeFileSummary> {
  let bytesIn: number;
  try {
    const s = await stat(inputPath);
    if (!s.isFile()) throw new JoinDoctorError('ERR_IO', `${inputPath} is not a file.`, { path: inputPath });
    bytesIn = s.size;
  } catch (e) {
    if (isJoinDoctorError(e)) throw e;
    throw new JoinDoctorError('ERR_IO', `Cannot read ${inputPath}: ${(e as Error).message}`, { path: inputPath });
  }
  if (path.resolve(inputPath) === path.resolve(outputPath)) {
    throw new JoinDoctorError('ERR_USAGE', 'har --sanitize: OUT must not be the input file (the original would be overwritten while it is read).');
  }
  const temp = path.join(path.dirname(outputPath), `.${path.basename(outputPath)}.${process.pid}.partial`);
  const input = createReadStream(inputPath, { highWaterMark: HAR_READ_CHUNK });
  const output = createWriteStream(temp, { flags: 'wx' });
  let outError: Error | null = null;
  output.on('error', (e) => (outError = e));
  let bytesOut = 0;
  const write = (chunk: string) =>
    new Promise<void>((resolve, reject) => {
      if (outError) return reject(outError);
      bytesOut += Buffer.byteLength(chunk, 'utf8');
      if (output.write(chunk)) resolve();
      else {
        const done = () => {
          output.off('error', reject);
          resolve();
        };
        output.once('drain', done);
        output.once('error', reject);
      }
    });
  try {
    const summary = await sanitizeHar(input as AsyncIterable<Uint8Array>, write, opts);
    await new Promise<void>((resolve, reject) => {
      output.once('error', reject);
      output.end(() => resolve());
    });
    if (outError) throw outError;
    await rename(temp, outputPath);
    return { ...summary, bytesIn, bytesOut };
  } catch (e) {
    output.destroy();
    await unlink(temp).catch(() => undefined);
    if (isJoinDoctorError(e)) throw e;
    throw new JoinDoctorError('ERR_IO', `Cannot sanitize ${inputPath} into ${outputPath}: ${(e as Error).message}`, { path: inputPath });
  } finally {
    input.destroy();
  }
}
