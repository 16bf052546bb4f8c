// Preloaded into the benchmark's server (`node --import`) when MASTHEAD_BENCH_TRACE names a file:
// appends one line per SQL statement the process sends — time, driver, the Next route and work
// kind it was sent from (e.g. "/t/[tier]/articles/[slug] prerender" for an ISR render, "-" for
// timers), statement — so a non-zero query count can be traced to its cause. Wraps the drivers'
// query methods only; the product's own counter (db/client.ts) is what the PASS line reads.
import fs from "node:fs";
import { createRequire } from "node:module";

const file = process.env.MASTHEAD_BENCH_TRACE;
if (file) {
  const require = createRequire(import.meta.url);
  // Next keeps its request/render context in process-global AsyncLocalStorage instances.
  let stores;
  const context = () => {
    try {
      stores ??= {
        work: require("next/dist/server/app-render/work-async-storage.external.js").workAsyncStorage,
        unit: require("next/dist/server/app-render/work-unit-async-storage.external.js").workUnitAsyncStorage,
      };
      const route = stores.work.getStore()?.route ?? "-";
      const unit = stores.unit.getStore()?.type ?? "-";
      return `${route} ${unit}`;
    } catch {
      return "? ?";
    }
  };
  const log = (driver, statement) => {
    try {
      const text = typeof statement === "string" ? statement : (statement?.text ?? "[query object]");
      fs.appendFileSync(file, `${Date.now()}\t${driver}\t${context()}\t${String(text).replace(/\s+/g, " ").slice(0, 400)}\n`);
    } catch {
      // Tracing must never break the server.
    }
  };
  const wrap = (proto, name, driver) => {
    const original = proto?.[name];
    if (typeof original !== "function" || original.__benchTraced) return;
    const traced = function (...args) {
      log(driver, name === "transaction" ? "[transaction]" : args[0]);
      return original.apply(this, args);
    };
    traced.__benchTraced = true;
    proto[name] = traced;
  };
  // PGlite ships ESM and CommonJS builds; the server may load either, so both are wrapped.
  const loaders = [() => import("@electric-sql/pglite"), async () => require("@electric-sql/pglite")];
  for (const load of loaders) {
    try {
      const { PGlite } = await load();
      for (const name of ["query", "exec", "transaction"]) wrap(PGlite?.prototype, name, "pglite");
    } catch {
      // Not installed in this build.
    }
  }
  try {
    wrap(require("pg").Client.prototype, "query", "pg");
  } catch {
    // Not installed.
  }
}
