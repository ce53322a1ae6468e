// Which feed and page addresses a caller may make the core fetch when subscribing. url-fetch lets a
// typed loopback or private address through (a newsroom's intranet feed typed on the command line);
// a renderer shows hostile content and may be compromised, so what it sends never gets that
// allowance: it could otherwise make the core poll services on this computer or the local network.
// Every other address is checked at each redirect hop and at connect time by url-fetch itself.
import type { ImportFailure } from '../contract/import-report.ts';
import { describeImportFailure } from '../importers/import-failure.ts';
import { CommandError } from './command-error.ts';
import type { Caller } from './dispatcher.ts';

/** Subscribing to `url` failed: the reason the UI words (source.unusable), with the import failure inside. */
export function unusable(url: string, failure: ImportFailure): CommandError {
  return new CommandError('failed', `Could not subscribe to ${url}: ${describeImportFailure(failure)}`, { kind: 'source.unusable', url, failure });
}

let addressPolicy: Promise<typeof import('../importers/address-policy.ts')> | null = null;
/** Loaded on the first renderer call that needs it: the CLI's list, show and search load no importer code. */
export function directlyTypedHost(url: string): Promise<string | null> {
  addressPolicy ??= import('../importers/address-policy.ts');
  return addressPolicy.then((policy) => policy.directlyTypedHost(url));
}

function fromRenderer(caller: Caller): boolean {
  return caller.host === 'ipc' || caller.host === 'serve';
}

/**
 * The host this caller may not fetch from, or null. `allowRendererLoopback` is the test-only
 * `serve --allow-loopback-sources`.
 */
export async function refusedSourceHost(url: string, caller: Caller, allowRendererLoopback: boolean): Promise<string | null> {
  if (!fromRenderer(caller) || allowRendererLoopback) return null;
  return directlyTypedHost(url);
}
