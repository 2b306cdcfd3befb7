// Lookups by a name that came from the spec. A plain `rec[name]` finds Object.prototype's members
// for names like "toString" or "constructor", which are ordinary names in an API.

export function own<T>(rec: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return rec !== undefined && Object.hasOwn(rec, key) ? rec[key] : undefined;
}

export const has = (rec: object | undefined, key: string): boolean => rec !== undefined && Object.hasOwn(rec, key);
