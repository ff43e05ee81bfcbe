import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** README's first command ends in `scripts/start.ts`: it must keep working as the UI changes. */
describe('npm start, headless', () => {
  it('highlights the demo page and saves the four screenshots it names', async () => {
    const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' };
    const { stdout } = await run('npx', ['tsx', 'scripts/start.ts'], { env, timeout: 90_000 });
    expect(stdout).toMatch(/— [1-9]\d* names highlighted\./u);
    const paths = [...stdout.matchAll(/^\s+(\S+\.png)$/gmu)].map((m) => m[1]!);
    expect(paths.map((p) => p.split('/').pop())).toEqual(['demo-page.png', 'demo-popover.png', 'popup-search.png', 'options.png']);
    for (const path of paths) expect(existsSync(path)).toBe(true);
  }, 120_000);
});
