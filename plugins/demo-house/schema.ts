import { z } from 'zod';

const address = z.number().int().min(0x03).max(0x77);
/** A room of the thermal model, or the outdoor air. */
const room = z.string().regex(/^[a-z0-9_]+$/);
/** [min, max] seconds between two occurrences; each wait is drawn uniformly. */
const range = z.tuple([z.number().min(0), z.number().min(0)]);

const chip = z.discriminatedUnion('chip', [
  z.strictObject({ chip: z.literal('bme280'), bus: z.number().int().default(1), address: address.default(0x76), room }),
  z.strictObject({ chip: z.literal('sht31'), bus: z.number().int().default(1), address: address.default(0x44), room }),
  z.strictObject({ chip: z.literal('bh1750'), bus: z.number().int().default(1), address: address.default(0x23) }),
  z.strictObject({ chip: z.literal('pca9685'), bus: z.number().int().default(1), address: address.default(0x40) }),
  z.strictObject({ chip: z.literal('ds18b20'), id: z.string().regex(/^28-[0-9a-f]{12}$/), room }),
]);

export const demoHouseSchema = z.strictObject({
  /** Simulated seconds per real second for the sun and the weather. */
  clockSpeed: z.number().min(0).max(10_000).default(1),
  /** Chip emulators on the simulated buses, each reading its room. */
  chips: z.array(chip).default([]),
  /** Motors behind relays; travel times as the shutter plugin is told. */
  shutters: z.array(z.strictObject({ upLine: z.number().int(), downLine: z.number().int(), travelUpS: z.number().positive(), travelDownS: z.number().positive(), activeLow: z.boolean().default(false), position: z.number().min(0).max(100).default(0) })).default([]),
  /** Heater relays: while on, the room warms. */
  heaters: z.array(z.strictObject({ line: z.number().int(), room, activeLow: z.boolean().default(false) })).default([]),
  /** Fil pilote radiators with their own thermostat: the order on the two lines sets the room's setpoint. */
  radiators: z
    .array(z.strictObject({ positiveLine: z.number().int(), negativeLine: z.number().int(), room, comfortC: z.number().min(5).max(30).default(21) }))
    .default([]),
  /** Someone walks past now and then: the PIR output is high for `holdS`. */
  motion: z.array(z.strictObject({ line: z.number().int(), everyS: range.default([60, 300]), holdS: z.number().positive().default(15) })).default([]),
  /** A door opens now and then (reed contact high while open). */
  doors: z.array(z.strictObject({ line: z.number().int(), everyS: range.default([300, 1200]), openS: z.number().positive().default(20) })).default([]),
  /** Showers: a rain sensor's contact on `line`. */
  rain: z.strictObject({ line: z.number().int(), everyS: range.default([1800, 7200]), lastsS: range.default([300, 1500]) }).optional(),
  /** A local stand-in for the Open-Meteo API forecasting the simulated weather: point open-meteo's `baseUrl` at `http://<host>:<port>`. */
  weatherStandIn: z.strictObject({ port: z.number().int().min(1).max(65_535), host: z.string().default('127.0.0.1') }).optional(),
  /** A Linky in standard mode on a sim serial port, reading the house's own loads (read it with `use: tic`). */
  meter: z
    .strictObject({
      port: z.string().min(1).default('/dev/ttyAMA0'),
      /** A frame every this many real seconds; the index integrates over the sim clock, so `clockSpeed` applies. */
      everyS: z.number().positive().default(2),
      startKWh: z.number().min(0).default(12_000),
      subscribedKVA: z.number().int().min(1).max(36).default(9),
      baseVA: z.number().min(0).default(250),
      /** Each room heating (a heater relay or a fil pilote radiator). */
      heaterVA: z.number().min(0).default(1500),
      /** Loads on output lines: on while the line is energised. */
      switched: z.array(z.strictObject({ line: z.number().int(), va: z.number().min(0), activeLow: z.boolean().default(false) })).default([]),
      /** Announce Tempo day colours (a made-up calendar, 06:00 to 06:00 UTC+1): mostly blue, some white, a few red. */
      tempo: z.boolean().default(false),
      /** Dimmers on a PCA9685 of `chips`: their rating at full duty. */
      dimmed: z.array(z.strictObject({ address: address.default(0x40), channel: z.number().int().min(0).max(15), va: z.number().min(0) })).default([]),
    })
    .optional(),
  /** A water meter's pulse output (a reed contact to ground) on an input line: water drawn now and then (read it with `use: pulse-meter`). */
  waterMeter: z
    .strictObject({
      line: z.number().int(),
      litresPerPulse: z.number().positive().default(1),
      everyS: range.default([900, 5400]),
      lastsS: range.default([30, 480]),
      /** Litres a minute while drawing, [min, max]. */
      flowLMin: range.default([4, 12]),
    })
    .optional(),
});

export type DemoHouseConfig = z.infer<typeof demoHouseSchema>;
