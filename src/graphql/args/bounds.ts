/**
 * Bounds on arguments, declared on args classes next to their defaults and
 * checked before any resolver runs (wired in as type-graphql's `validateFn`).
 * A value out of bounds is a BadInputError naming the argument and the range.
 */
import { BadInputError } from "../../errors.js";

type Check = (value: unknown) => string | null;

const checks = new WeakMap<object, Map<string, Check>>();

function declare(check: Check): PropertyDecorator {
  return (prototype, property) => {
    const own = checks.get(prototype) ?? new Map<string, Check>();
    own.set(String(property), check);
    checks.set(prototype, own);
  };
}

/** An integer from `min` to `max` inclusive. */
export function IntRange(min: number, max: number): PropertyDecorator {
  return declare((value) =>
    value == null || (Number.isInteger(value) && (value as number) >= min && (value as number) <= max)
      ? null
      : `must be an integer from ${min} to ${max} (got ${String(value)})`,
  );
}

/** A string of at most `max` characters, with no control characters. */
export function Text(max: number): PropertyDecorator {
  return declare((value) => {
    if (value == null) return null;
    if (typeof value !== "string") return "must be a string";
    if (value.length > max) return `must be at most ${max} characters (got ${value.length})`;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value)) return "must not contain control characters";
    return null;
  });
}

/** A list of at most `max` items; string items at most 200 characters, with no control characters. */
export function MaxItems(max: number): PropertyDecorator {
  return declare((value) => {
    if (value == null) return null;
    if (!Array.isArray(value)) return "must be a list";
    if (value.length > max) return `must have at most ${max} items (got ${value.length})`;
    // eslint-disable-next-line no-control-regex
    if (value.some((item) => typeof item === "string" && (item.length > 200 || /[\u0000-\u001f\u007f]/.test(item)))) {
      return "items must be at most 200 characters, with no control characters";
    }
    return null;
  });
}

/**
 * Fills an args class the way GraphQL would (its defaults, then the given
 * values, skipping undefined ones) and checks its bounds: for transports other
 * than GraphQL (download routes, the command line).
 */
export function filledArgs<T extends object>(instance: T, values: Partial<T>): T {
  for (const [key, value] of Object.entries(values)) if (value !== undefined) (instance as Record<string, unknown>)[key] = value;
  checkBounds(instance);
  return instance;
}

/** Checks every bound declared on the args object's class; throws on the first violation. */
export function checkBounds(args: unknown): void {
  if (args === null || typeof args !== "object") return;
  for (let proto = Object.getPrototypeOf(args); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [property, check] of checks.get(proto) ?? []) {
      const problem = check((args as Record<string, unknown>)[property]);
      if (problem !== null) throw new BadInputError(property, problem);
    }
  }
}
