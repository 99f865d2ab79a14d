import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** Runs `src/simulator/main.ts` the way `npm run simulator` does (through tsx) on an ephemeral port. */
function startMain(env: Record<string, string>): {
  child: ChildProcess;
  url: Promise<string>;
  output: () => string;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/simulator/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((found, failed) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) found(match[1]);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', () => failed(new Error(`simulator exited: ${output}`)));
  });
  url.catch(() => undefined); // a run that is meant to fail never prints a URL
  return { child, url, output: () => output };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((done) => {
    if (child.exitCode !== null) done(child.exitCode);
    else child.once('exit', (code) => done(code));
  });

describe('npm run simulator', () => {
  it('prints its URL, serves the API and exits cleanly on SIGTERM', async () => {
    const { child, url } = startMain({ SIMULATOR_PORT: '0', EXTRA_CUSTOMERS: '5' });
    try {
      const base = await url;
      const response = await fetch(`${base}/v1/customers?size=1`);
      expect(response.status).toBe(200);
      await response.body?.cancel();
      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses bad settings with a message and exit code 1', async () => {
    const { child, output } = startMain({ SIMULATOR_PORT: 'many' });
    expect(await exited(child)).toBe(1);
    expect(output()).toContain('SIMULATOR_PORT must be an integer');
  });
});
