// Per-regency, per-village entries in localStorage ("kj:v1:<regency>:<key>").
// Storage that is missing, disabled, full or corrupt is reported once through `onNotice` and ignored:
// an in-memory copy keeps what was typed in this visit (the widget keeps one store per regency for its
// whole life, so that copy outlives re-renders, tab switches and language changes).
export const PREFIX = 'kj:v1:';
export const FORMAT = 1;

// Upgrades of the saved envelope: MIGRATIONS[n] turns format n's data into format n+1's. An entry from an
// older format passes through them on read; one with no way up is reported as unreadable (and left in place
// until this widget saves over it). The key prefix stays "kj:v1:": the format number lives in the envelope.
export const MIGRATIONS = {};

export function slug(s) {
  return String(s || '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'default';
}

export function createStore(regencyKey, onNotice = () => {}) {
  const base = PREFIX + slug(regencyKey) + ':';
  const memory = new Map();
  const newer = new Set(); // keys holding an entry from a newer widget: never overwritten
  const warned = new Set();
  const notice = (code) => { if (!warned.has(code)) { warned.add(code); onNotice(code); } };
  const ls = () => {
    try { return globalThis.localStorage || null; } catch { return null; }
  };

  function get(key) {
    const k = base + key;
    if (memory.has(k)) { const m = memory.get(k); return m === undefined ? null : JSON.parse(m); }
    let raw = null;
    try { raw = ls()?.getItem(k) ?? null; } catch { notice('storageUnavailable'); return null; }
    if (raw == null) return null;
    try {
      let env = JSON.parse(raw);
      if (!env || typeof env !== 'object' || !Number.isInteger(env.v) || !('data' in env)) throw 0;
      while (env.v < FORMAT) {
        const up = MIGRATIONS[env.v];
        if (!up) throw 0;
        env = { v: env.v + 1, data: up(env.data) };
      }
      if (env.v > FORMAT) { newer.add(k); notice('storageNewer'); return null; } // a newer widget's: leave it alone
      return env.data;
    } catch {
      notice('storageCorrupt');
      return null;
    }
  }

  // persist = false: kept for this visit only (too big to save), and an older saved copy is removed.
  function set(key, data, persist = true) {
    const k = base + key;
    const json = JSON.stringify(data);
    memory.set(k, json); // a snapshot: the caller keeps changing its own object
    try {
      const s = ls();
      if (newer.has(k)) return;
      if (!persist) { s?.removeItem(k); return; }
      if (!s) throw 0;
      s.setItem(k, JSON.stringify({ v: FORMAT, savedAt: new Date().toISOString(), data }));
    } catch {
      notice('storageUnavailable');
    }
  }

  function remove(key) {
    const k = base + key;
    memory.delete(k);
    if (newer.has(k)) return;
    try { ls()?.removeItem(k); } catch { notice('storageUnavailable'); }
  }

  // notice(code): what the caller found wrong in what get() returned ('storageCorrupt'), reported the same way.
  return { get, set, remove, notice, prefix: base };
}
