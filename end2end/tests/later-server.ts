import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { root, server, serverEnv } from '../server-env';

/// A second real server on the test database whose clock says `now`: for what needs time to
/// pass, which the main server's pinned clock never reaches (check-in on the day of a booking,
/// a deadline gone by). Same binary, same database file (SQLite in WAL mode takes two
/// processes), its own free port, which it prints on its first line of stdout. Bookings and
/// requests made through the main server are there; so are staff accounts and sessions.
export interface LaterServer {
  /// `http://127.0.0.1:PORT`, without a trailing slash.
  baseURL: string;
  stop: () => Promise<void>;
}

export async function startServerAt(now: string): Promise<LaterServer> {
  const child = spawn(server, [], {
    cwd: root,
    env: { ...process.env, ...serverEnv('127.0.0.1:0', now) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const baseURL = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL from the server in 30 s: ${stderr}`)), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}): ${stderr}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const url = line.match(/(http:\/\/127\.0\.0\.1:\d+)\//)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
  });
  return {
    baseURL,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
