import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, "<project>: N passed, N failed, N skipped", that
 * CI logs and people can read at a glance whatever the default reporter printed.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const module of testModules) {
      const name = module.project.name || 'tests';
      const c = counts.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') c.passed++;
        else if (state === 'failed') c.failed++;
        else c.skipped++;
      }
      // A file that failed to load has no tests but is a failure all the same.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) c.failed++;
      counts.set(name, c);
    }
    for (const [name, c] of counts) {
      process.stdout.write(`\n${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped\n`);
    }
  }
}
