/**
 * `{{ trigger.to }}`-style substitution in action params: the trigger's values only,
 * no general template language. A param that is one whole template keeps the
 * value's type (a number stays a number).
 */
const WHOLE = /^\{\{\s*trigger\.([a-zA-Z_][\w.]*)\s*\}\}$/;
const ANY = /\{\{\s*trigger\.([a-zA-Z_][\w.]*)\s*\}\}/g;

export type TriggerData = Readonly<Record<string, unknown>>;

export function render(value: unknown, trigger: TriggerData): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return lookup(trigger, whole[1]!);
    return value.replace(ANY, (_, path: string) => {
      const v = lookup(trigger, path);
      return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    });
  }
  if (Array.isArray(value)) return value.map((v) => render(v, trigger));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v, trigger)]));
  return value;
}

function lookup(data: TriggerData, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
