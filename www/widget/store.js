// Per-regency, per-village entries in localStorage ("kj:v1:<regency>:<key>").
// Storage that is missing, disabled, full or corrupt is reported once through `onNotice` and ignored:
// an in-memory copy keeps what was typed in this visit.
export const PREFIX = 'kj:v1:';
export const FORMAT = 1;

// Upgrades of the saved envelope: FORMAT n-1 → n. Entries from an older format pass through these.
const MIGRATIONS = {};

export function slug(s) {
  return String(s || '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'default';
}

export function createStore(regencyKey, onNotice = () => {}) {
  const base = PREFIX + slug(regencyKey) + ':';
  const memory = new Map();
  let warned = false;
  const notice = (code) => { if (!warned) { warned = true; onNotice(code); } };
  const ls = () => {
    try { return globalThis.localStorage || null; } catch { return null; }
  };

  function get(key) {
    const k = base + key;
    if (memory.has(k)) return memory.get(k);
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
      if (env.v > FORMAT) return null; // written by a newer widget: leave it alone
      return env.data;
    } catch {
      notice('storageCorrupt');
      return null;
    }
  }

  function set(key, data) {
    const k = base + key;
    memory.set(k, data);
    try {
      const s = ls();
      if (!s) throw 0;
      s.setItem(k, JSON.stringify({ v: FORMAT, savedAt: new Date().toISOString(), data }));
    } catch {
      notice('storageUnavailable');
    }
  }

  function remove(key) {
    const k = base + key;
    memory.delete(k);
    try { ls()?.removeItem(k); } catch { notice('storageUnavailable'); }
  }

  return { get, set, remove, prefix: base };
}
