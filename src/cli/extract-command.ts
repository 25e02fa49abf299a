import { extractFile } from '../ingest/extract.js';
import { toExtractJson, toExtractText } from '../ingest/extract-view.js';
import { DigestError } from '../errors.js';

/** `digest extract <file…> [--json]`: the pipeline without the database. */
export async function runExtract(files: string[], json: boolean, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const results: unknown[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const report = await extractFile(file);
      results.push(json ? toExtractJson(report) : toExtractText(report));
    } catch (error) {
      failed++;
      const reason = error instanceof DigestError ? error.message : String(error);
      results.push(json ? { file, error: reason } : `== ${file}\n跳过: ${reason}`);
    }
  }
  out.write(json ? JSON.stringify(results, null, 2) + '\n' : (results as string[]).join('\n\n') + '\n');
  return failed === files.length && files.length > 0 ? 1 : 0;
}
