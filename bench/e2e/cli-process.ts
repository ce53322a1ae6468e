// The built CLI as a user runs it: `node bin/newsroom-reader.js …` in a child process, timed from
// spawn to exit (or, for `serve`, to the URL it prints), and killed when it outlives a cap.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../bin/newsroom-reader.js' : '../../bin/newsroom-reader.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** The cap ran out and the process was killed. */
  timedOut: boolean;
}

export function runCli(args: string[], timeoutMs = 120_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: performance.now() - started, timedOut });
    });
  });
}

export interface ServeProcess {
  url: string;
  /** From spawn until the URL was printed. */
  urlMs: number;
  stop(): Promise<void>;
}

export function startServe(libraryDir: string, timeoutMs = 120_000): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child: ChildProcess = spawn(process.execPath, [BIN, '--library', libraryDir, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    let stderr = '';
    const exited = new Promise<void>((done) => child.once('close', () => done()));
    const stop = async (): Promise<void> => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    };
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`serve printed no URL within ${timeoutMs} ms: ${stderr.trim()}`));
    }, timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const url = /https?:\/\/\S+/u.exec(seen)?.[0];
      if (!url) return;
      clearTimeout(timer);
      resolve({ url, urlMs: performance.now() - started, stop });
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before printing a URL: ${stderr.trim()}`));
    });
  });
}
