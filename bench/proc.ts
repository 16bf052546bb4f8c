// Linux /proc readers: which process owns a listening port (the real next-server, not a wrapper)
// and its resident memory.
import fs from "node:fs";

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

// Children of `root`, recursively, from /proc/<pid>/stat's ppid field.
export function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readText(`/proc/${name}/stat`);
    if (!stat) continue;
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    parent.set(Number(name), Number(fields[1]));
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const p = queue.shift()!;
    for (const [pid, ppid] of parent) {
      if (ppid !== p || out.includes(pid)) continue;
      out.push(pid);
      queue.push(pid);
    }
  }
  return out;
}

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const text = readText(table);
    if (!text) continue;
    for (const line of text.split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10) continue;
      const localPort = parseInt(f[1].split(":")[1], 16);
      if (localPort === port && f[3] === "0A") inodes.add(f[9]); // 0A = LISTEN
    }
  }
  return inodes;
}

// The process among `root` and its descendants that holds the listening socket on `port`.
export function pidListeningOn(port: number, root: number): number | null {
  const inodes = listeningInodes(port);
  if (!inodes.size) return null;
  for (const pid of [root, ...descendants(root)]) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return pid;
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return null;
}

// The process title (next-server sets one, e.g. "next-server (v16.4.6)").
export function processName(pid: number): string {
  return (readText(`/proc/${pid}/cmdline`) ?? "?").split("\0").filter(Boolean).join(" ").trim() || "?";
}

// CPU time (user + system, all threads) the process has used, in milliseconds. Under contention
// from other processes this per-request cost stays steady where requests/s does not.
export function cpuMillis(pid: number): number | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of stat, in clock ticks (USER_HZ, 100 on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

// VmRSS in bytes, or null when the process is gone.
export function rssBytes(pid: number): number | null {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readText(`/proc/${pid}/status`) ?? "");
  return m ? Number(m[1]) * 1024 : null;
}

// Samples a process's RSS while some work runs; reports the peak and the value at the end.
export function sampleRss(pid: number, everyMs = 250): { stop: () => { peak: number | null; end: number | null } } {
  let peak: number | null = null;
  const tick = () => {
    const v = rssBytes(pid);
    if (v !== null && (peak === null || v > peak)) peak = v;
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      tick();
      return { peak, end: rssBytes(pid) };
    },
  };
}
