// Copy-on-write helpers: each copies one object and shares every other subtree by reference.

export function assoc<T>(obj: Readonly<Record<string, T>>, key: string, value: T): Readonly<Record<string, T>> {
  if (obj[key] === value && key in obj) return obj;
  return { ...obj, [key]: value };
}

export function dissoc<T>(obj: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
  if (!(key in obj)) return obj;
  const out: Record<string, T> = {};
  for (const k of Object.keys(obj)) if (k !== key) out[k] = obj[k]!;
  return out;
}

/** Renames a key in place: the order of keys is kept, so emitted output stays stable. */
export function renameKey<T>(obj: Readonly<Record<string, T>>, from: string, to: string): Readonly<Record<string, T>> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(obj)) out[k === from ? to : k] = obj[k]!;
  return out;
}

/** Recursively freezes plain data, for tests that prove the fold never mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
