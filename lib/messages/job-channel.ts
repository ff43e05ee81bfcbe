/**
 * Long jobs in a worker over the same channel as every other message: the page posts one
 * envelope, the worker's door validates it (`answerMessage`), the job reports progress
 * messages, then exactly one completion carrying the reply (`{ ok, result }` or
 * `{ ok, error }`), like Yomitan's dictionary worker. Pure: the worker is injected.
 */
import {
  answerMessage,
  type Declarations,
  type Envelope,
  type HandlersOf,
  MessageError,
  type PayloadOf,
  type ProgressOf,
  type Reply,
  type RequestOf,
  type ResponseOf,
  unwrapReply,
} from './channel';

/** What a worker posts back: any number of progress messages, then one completion. */
export type JobMessage = { kind: 'progress'; progress: unknown } | { kind: 'complete'; reply: Reply<unknown> };

export type JobHandlersOf<D extends Declarations> = {
  [T in keyof D]: (payload: RequestOf<D, T>, job: { progress(progress: ProgressOf<D, T>): void }) => Promise<ResponseOf<D, T>>;
};

/**
 * The worker's side: answers one request envelope through the door, posting progress as
 * the handler reports it and then one completion, whatever happens (the door turns a
 * thrown error into an `internal` reply).
 */
export async function serveJob<D extends Declarations>(options: {
  declarations: D;
  handlers: JobHandlersOf<D>;
  message: unknown;
  post: (message: JobMessage) => void;
}): Promise<void> {
  const { declarations, handlers, message, post } = options;
  let complete = false;
  const reply = await answerMessage({
    declarations,
    handlers: handlers as unknown as HandlersOf<D, { progress(progress: unknown): void }>,
    message,
    // Only the page that started the worker can post to it.
    sender: 'extension-page',
    context: { progress: (progress: unknown) => complete || post({ kind: 'progress', progress }) },
  });
  complete = true;
  post({ kind: 'complete', reply });
}

/** The page's handle on one worker, adapted from `Worker` (or a fake in tests). */
export interface JobWorker {
  post(envelope: Envelope, transfer: Transferable[]): void;
  /** `onMessage` for each message the worker posts; `onFailure` once if the worker dies. */
  listen(onMessage: (message: unknown) => void, onFailure: (reason: string) => void): void;
  terminate(): void;
}

export interface JobClient<D extends Declarations> {
  run<T extends Extract<keyof D, string>>(
    type: T,
    payload: PayloadOf<D, T>,
    options?: { onProgress?: (progress: ProgressOf<D, T>) => void; transfer?: Transferable[] },
  ): Promise<ResponseOf<D, T>>;
}

/**
 * Runs each job in a fresh worker and resolves with its result. Rejects with a
 * `MessageError` for an error reply, or `internal` when the worker dies before completing.
 */
export function createJobClient<D extends Declarations>(startWorker: () => JobWorker): JobClient<D> {
  return {
    run(type, payload, options = {}) {
      return new Promise((resolve, reject) => {
        const worker = startWorker();
        let done = false;
        const finish = (settle: () => void) => {
          if (done) return;
          done = true;
          worker.terminate();
          settle();
        };
        worker.listen(
          (message) => {
            const job = message as JobMessage | undefined;
            if (job?.kind === 'progress' && !done) options.onProgress?.(job.progress as ProgressOf<D, typeof type>);
            else if (job?.kind === 'complete') {
              finish(() => {
                try {
                  resolve(unwrapReply(type, job.reply));
                } catch (error) {
                  reject(error);
                }
              });
            }
          },
          (reason) => finish(() => reject(new MessageError('internal', `The worker stopped during ${type}: ${reason}`))),
        );
        worker.post({ type, payload }, options.transfer ?? []);
      });
    },
  };
}
