/**
 * Starts a server under test (bench/serve-*.ts) in a child Node process, so the load generator
 * and the server do not share one JavaScript thread, and talks to it over IPC.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { CheckResult, ServerAnswer, ServerQuestion, ServerQuestionBody, ServerStats } from './server-protocol.ts';

export interface ServerProcess {
  url: string;
  pid: number;
  stats(): Promise<ServerStats>;
  check(keys: string[]): Promise<CheckResult>;
  /** A benchmark-specific question answered by the child's `calls[name]`. */
  call(name: string, args?: unknown, timeoutMs?: number): Promise<unknown>;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface ServerProcessOptions {
  script: string;
  env: Record<string, string | undefined>;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=…']. */
  nodeFlags?: string[];
  startTimeoutMs?: number;
}

const running = new Set<ChildProcess>();

/** Kills every server this process started and has not stopped yet (for Ctrl-C and fatal errors). */
export function killRunningServers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), options.script], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: options.env,
  });
  running.add(child);
  const pending = new Map<number, (answer: ServerAnswer) => void>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      for (const [id, settle] of pending) settle({ id, type: 'error', message: `exited (code ${code}, signal ${signal})` });
      pending.clear();
      resolve();
    }),
  );
  child.on('message', (message: ServerAnswer) => {
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });

  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => fail(new Error(`${options.script} did not print its URL within ${options.startTimeoutMs ?? 60_000} ms`)), options.startTimeoutMs ?? 60_000);
    const onExit = (code: number | null) => fail(new Error(`${options.script} exited (code ${code}) before it listened`));
    child.once('exit', onExit);
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    lines.on('line', (line) => {
      if (!line.startsWith('{"url"')) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve((JSON.parse(line) as { url: string }).url);
    });
  });

  function ask(question: ServerQuestionBody, timeoutMs = 60_000): Promise<ServerAnswer> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${options.script} did not answer ${question.type} within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, (answer) => {
        clearTimeout(timer);
        if (answer.type === 'error') reject(new Error(`${options.script}: ${answer.message}`));
        else resolve(answer);
      });
      child.send({ ...question, id } satisfies ServerQuestion, (error) => {
        if (error === null) return;
        pending.get(id)?.({ id, type: 'error', message: error.message });
        pending.delete(id);
      });
    });
  }

  return {
    url,
    pid: child.pid!,
    async stats() {
      const answer = await ask({ type: 'stats' });
      if (answer.type !== 'stats') throw new Error(`unexpected answer ${answer.type}`);
      return answer.stats;
    },
    async check(keys) {
      const answer = await ask({ type: 'check', keys });
      if (answer.type !== 'check') throw new Error(`unexpected answer ${answer.type}`);
      return answer.check;
    },
    async call(name, args, timeoutMs) {
      const answer = await ask({ type: 'call', name, args: args ?? null }, timeoutMs);
      if (answer.type !== 'call') throw new Error(`unexpected answer ${answer.type}`);
      return answer.value;
    },
    async stop(graceMs = 25_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
