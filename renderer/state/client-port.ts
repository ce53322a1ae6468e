import type { NewsroomClient } from '../client/newsroom-client.ts';

/**
 * What the state classes need of the host: its commands. The app passes renderer/client's client;
 * unit tests pass a double that records the calls and answers them.
 */
export type CommandClient = Pick<NewsroomClient, 'call'>;
