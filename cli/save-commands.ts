// `save URL…`: keep web pages as articles with their photos. The same import path as `import URL`
// (the command contract's library.importUrls: the polite fetch, the readability pipeline, the photo
// downloads), with a report that says what became of each page's photos.
import { randomUUID } from 'node:crypto';
import type { CommandName, CommandResult, ImportReport } from '../contract/index.ts';
import { printJson, type CliIo } from './cli-output.ts';
import type { ParsedArguments } from './parse-arguments.ts';
import { UsageError } from './usage-error.ts';

type Call = <N extends CommandName>(name: N, args: unknown) => Promise<CommandResult<N>>;

/** Exit code 0 when every page was saved, 1 when some failed (the others are saved), as `import` does. */
export async function runSaveCommand(args: ParsedArguments, call: Call, io: CliIo): Promise<number> {
  const urls = args.positionals;
  if (urls.length === 0) throw new UsageError('save needs at least one URL');
  const report: ImportReport = await call('library.importUrls', { jobId: randomUUID(), urls });
  if (args.options.json === true) {
    printJson(io, { imported: report.imported, duplicates: report.duplicates, failed: report.failed });
  } else {
    for (const item of report.imported) {
      const photos = item.photos ? `  (${item.photos.kept} photo${item.photos.kept === 1 ? '' : 's'}${item.photos.failed.length ? `, ${item.photos.failed.length} not kept` : ''})` : '';
      io.out(`saved      ${item.id}  ${item.title}${photos}`);
      for (const photo of item.photos?.failed ?? []) io.err(`photo      ${photo.url}: ${photo.error}`);
    }
    for (const item of report.duplicates) io.out(`duplicate  ${item.id}  ${item.path}`);
    for (const item of report.failed) io.err(`failed     ${item.path}: ${item.error}`);
    io.out(`${report.imported.length} saved, ${report.duplicates.length} already in the library, ${report.failed.length} failed`);
  }
  return report.failed.length > 0 ? 1 : 0;
}
