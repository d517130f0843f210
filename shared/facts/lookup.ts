// Customer id → position, remembering the last id: records read from the database come grouped by customer.

/**
 * A lookup over `indexOf` that answers repeated ids without hashing: rows ordered by customer (the usual
 * `ORDER BY customer_id`) then cost one string compare each instead of a hash-table probe.
 * @example
 * const find = customerLookup(new Map([["c1", 0]]));
 * find("c1") // 0
 * find("zz") // undefined
 */
export function customerLookup(indexOf: Map<string, number>): (id: string) => number | undefined {
  let lastId: string | undefined;
  let last: number | undefined;
  return (id) => {
    if (id === lastId) return last;
    lastId = id;
    last = indexOf.get(id);
    return last;
  };
}
