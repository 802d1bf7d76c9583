/**
 * Counts a database's round trips (a statement's run/all/first/raw, or one batch) for the benchmark;
 * used only with the development identity provider, i.e. never in production.
 */
export interface RoundTrips {
  count: number;
}

export function countRoundTrips(d1: D1Database, trips: RoundTrips): D1Database {
  const originals = new WeakMap<object, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        if (prop === 'bind') return (...args: unknown[]) => wrap(value.apply(target, args));
        if (prop === 'run' || prop === 'all' || prop === 'first' || prop === 'raw') {
          return (...args: unknown[]) => {
            trips.count++;
            return value.apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
    originals.set(proxy, statement);
    return proxy;
  };
  return new Proxy(d1, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === 'prepare') return (query: string) => wrap(target.prepare(query));
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) => {
          trips.count++;
          return target.batch(statements.map((s) => originals.get(s) ?? s));
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
