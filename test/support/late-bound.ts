/**
 * A stand-in for something a beforeAll hook creates, usable from the top of a test file: every
 * property read goes to the real object (methods bound to it), and fails clearly before it exists.
 */
export function lateBound<T extends object>(what: string, get: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const real = get();
      if (!real) throw new Error(`${what} is created in beforeAll: use it inside a test or hook`);
      const value: unknown = Reflect.get(real, key);
      return typeof value === "function" ? value.bind(real) : value;
    },
  });
}
