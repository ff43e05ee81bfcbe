/**
 * What a DevTools CPU profile (Profiler.stop's `profile`) says, in a few lines: time busy
 * and idle, the functions with the most self time, and the longest stretch without an
 * idle sample (the longest task, to within the sampling interval).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  gcMs: number;
  longestBusyMs: number;
  top: Array<{ name: string; selfMs: number }>;
}

export function summarizeProfile(profile: CpuProfile, topCount = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let busyMs = 0;
  let idleMs = 0;
  let gcMs = 0;
  let stretch = 0;
  let longestBusyMs = 0;
  profile.samples.forEach((id, i) => {
    // A sample's time is the delta to the next one.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') {
      idleMs += ms;
      stretch = 0;
      return;
    }
    busyMs += ms;
    stretch += ms;
    longestBusyMs = Math.max(longestBusyMs, stretch);
    if (frame.functionName === '(garbage collector)') gcMs += ms;
    const file = frame.url.slice(frame.url.lastIndexOf('/') + 1);
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + ms);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, topCount).map(([name, selfMs]) => ({ name, selfMs: Math.round(selfMs) }));
  return { busyMs: Math.round(busyMs), idleMs: Math.round(idleMs), gcMs: Math.round(gcMs), longestBusyMs: Math.round(longestBusyMs), top };
}
