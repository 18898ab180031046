/** The `energy:` config section (docs/configuration.md#energy): meters, tariffs and prices. */
import { z } from 'zod';

const entityId = z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/, 'an entity id like sensor.linky_imported');
const date = z.iso.date('a date like 2026-02-01');
const price = z.number().min(0);
const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `22:00-06:00`: local wall time; a window whose end is before its start runs over midnight. */
const window = z
  .string()
  .regex(/^\d\d:\d\d-\d\d:\d\d$/, 'use HH:MM-HH:MM, 24-hour, like 22:00-06:00')
  .refine((w) => w.split('-').every((t) => clock.test(t)), 'use HH:MM-HH:MM, 24-hour, like 22:00-06:00');

/** Off-peak hours: windows of the local clock, or the period the meter reports (the TIC's tariff period entity). */
const offPeak = z.union([
  z.array(window).min(1),
  z.strictObject({
    entity: entityId,
    /** A regular expression (case-insensitive) the entity's state matches during off-peak hours. */
    match: z
      .string()
      .default('HC|CREUSE')
      .refine((p) => {
        try {
          new RegExp(p, 'i');
          return true;
        } catch {
          return false;
        }
      }, 'not a valid regular expression'),
  }),
]);

/** Price lists: each entry applies from its date (local) until the next one's. */
function priceList<T extends z.ZodRawShape>(shape: T) {
  return z
    .array(z.strictObject({ from: date, subscriptionPerMonth: price.default(0), ...shape }))
    .min(1)
    .superRefine((list, ctx) => increasingDates(list as readonly { from: string }[], ctx));
}

function increasingDates(list: readonly { from: string }[], ctx: z.RefinementCtx): void {
  list.forEach((p, i) => {
    if (i > 0 && p.from <= list[i - 1]!.from) ctx.addIssue({ code: 'custom', path: [i, 'from'], message: `dates must increase: ${p.from} is not after ${list[i - 1]!.from}` });
  });
}

const hcHp = z.strictObject({ hc: price, hp: price });

const electricity = z
  .strictObject({
    /** The supply's meters (kWh, total_increasing): their consumption is billed. */
    meters: z.array(entityId).min(1),
    /** Meters behind the supply (a heater's, a car charger's): shown, never billed twice. */
    submeters: z.array(entityId).default([]),
    /** Power now (W or VA), for the Energy view's "now". */
    power: entityId.optional(),
    /** The option the bills are computed with; default: the first of base, hchp, tempo configured. */
    tariff: z.enum(['base', 'hchp', 'tempo']).optional(),
    base: z.strictObject({ prices: priceList({ kWh: price }) }).optional(),
    hchp: z.strictObject({ offPeak, prices: priceList(hcHp.shape) }).optional(),
    tempo: z
      .strictObject({
        /** Today's colour (blue, white, red; BLEU, BLANC, ROUGE are read too): the TIC's `sensor.linky_tempo_today` or any entity. */
        colour: entityId,
        /** Tomorrow's colour, for the calendar. */
        tomorrow: entityId.optional(),
        offPeak: offPeak.default(['22:00-06:00']),
        prices: priceList({ blue: hcHp, white: hcHp, red: hcHp }),
      })
      .optional(),
  })
  .superRefine((e, ctx) => {
    if (!e.base && !e.hchp && !e.tempo) ctx.addIssue({ code: 'custom', path: [], message: 'configure at least one tariff: base, hchp or tempo' });
    if (e.tariff && !e[e.tariff]) ctx.addIssue({ code: 'custom', path: ['tariff'], message: `tariff ${e.tariff} has no prices: add ${e.tariff}: too` });
  });

const volume = z.strictObject({
  /** Meters reading m³ (total_increasing). */
  meters: z.array(entityId).min(1),
  prices: priceList({ perM3: price }),
});

export const energySchema = z.strictObject({
  /** ISO 4217 code, for display. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code like EUR').default('EUR'),
  electricity: electricity.optional(),
  water: volume.optional(),
  gas: volume.optional(),
});

export type EnergyConfig = z.infer<typeof energySchema>;
export type ElectricityConfig = z.infer<typeof electricity>;
export type VolumeConfig = z.infer<typeof volume>;
export type OffPeak = z.infer<typeof offPeak>;
export type TariffName = 'base' | 'hchp' | 'tempo';
export const TARIFFS: readonly TariffName[] = ['base', 'hchp', 'tempo'];
