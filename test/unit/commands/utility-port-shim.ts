// Loaded with --import before commands/core-worker.ts in a forked Node process: gives it the
// `process.parentPort` Electron gives a utility process (messages arrive as { data }), over Node's IPC.
interface StandInPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}
const port: StandInPort = {
  on: (_event, listener) => process.on('message', (data) => listener({ data })),
  postMessage: (message) => process.send!(message),
};
// Defined rather than assigned: the type checker knows Electron's fuller ParentPort type for it.
Object.defineProperty(process, 'parentPort', { value: port });
