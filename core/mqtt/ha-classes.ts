/**
 * Home Assistant's device classes and, per sensor device class, the units and state classes
 * it accepts (homeassistant/components/sensor/const.py DEVICE_CLASS_UNITS and
 * DEVICE_CLASS_STATE_CLASSES, binary_sensor/cover/button/valve device classes). HA refuses a
 * discovery config whose device class it does not know, or whose unit the class does not
 * allow, so discovery leaves out what would get the whole entity refused.
 */

const PERCENT = ['%'];
const MEASUREMENT = ['measurement'];
const TOTALS = ['total', 'total_increasing'];
const ANY_STATE_CLASS = ['measurement', 'total', 'total_increasing'];

/** Sensor device class → [units it allows (undefined: any), state classes it allows]. */
export const SENSOR_CLASSES: Readonly<Record<string, readonly [readonly string[] | undefined, readonly string[]]>> = {
  apparent_power: [['mVA', 'VA', 'kVA'], MEASUREMENT],
  aqi: [[], MEASUREMENT],
  atmospheric_pressure: [['Pa', 'hPa', 'kPa', 'bar', 'cbar', 'mbar', 'mmHg', 'inHg', 'psi'], MEASUREMENT],
  battery: [PERCENT, MEASUREMENT],
  carbon_dioxide: [['ppm'], MEASUREMENT],
  carbon_monoxide: [['ppm'], MEASUREMENT],
  current: [['mA', 'A'], MEASUREMENT],
  data_rate: [undefined, MEASUREMENT],
  data_size: [undefined, ANY_STATE_CLASS],
  date: [[], []],
  distance: [['km', 'm', 'cm', 'mm', 'mi', 'nmi', 'yd', 'in', 'ft'], ANY_STATE_CLASS],
  duration: [['d', 'h', 'min', 's', 'ms'], ANY_STATE_CLASS],
  energy: [['J', 'kJ', 'MJ', 'GJ', 'mWh', 'Wh', 'kWh', 'MWh', 'GWh', 'TWh', 'cal', 'kcal', 'Mcal', 'Gcal'], TOTALS],
  energy_storage: [['J', 'kJ', 'MJ', 'GJ', 'mWh', 'Wh', 'kWh', 'MWh', 'GWh', 'TWh', 'cal', 'kcal', 'Mcal', 'Gcal'], MEASUREMENT],
  enum: [[], []],
  frequency: [['Hz', 'kHz', 'MHz', 'GHz'], MEASUREMENT],
  gas: [['m³', 'ft³', 'CCF'], TOTALS],
  humidity: [PERCENT, MEASUREMENT],
  illuminance: [['lx'], MEASUREMENT],
  irradiance: [['W/m²', 'BTU/(h⋅ft²)'], MEASUREMENT],
  moisture: [PERCENT, MEASUREMENT],
  monetary: [undefined, ['total']],
  nitrogen_dioxide: [['µg/m³'], MEASUREMENT],
  ozone: [['µg/m³'], MEASUREMENT],
  ph: [[], MEASUREMENT],
  pm1: [['µg/m³'], MEASUREMENT],
  pm10: [['µg/m³'], MEASUREMENT],
  pm25: [['µg/m³'], MEASUREMENT],
  power_factor: [PERCENT, MEASUREMENT],
  power: [['mW', 'W', 'kW', 'MW', 'GW', 'TW'], MEASUREMENT],
  precipitation: [['cm', 'in', 'mm'], ANY_STATE_CLASS],
  precipitation_intensity: [['in/d', 'in/h', 'mm/d', 'mm/h'], MEASUREMENT],
  pressure: [['Pa', 'hPa', 'kPa', 'bar', 'cbar', 'mbar', 'mmHg', 'inHg', 'psi'], MEASUREMENT],
  reactive_power: [['var'], MEASUREMENT],
  signal_strength: [['dB', 'dBm'], MEASUREMENT],
  sound_pressure: [['dB', 'dBA'], MEASUREMENT],
  speed: [['ft/s', 'in/d', 'in/h', 'in/s', 'km/h', 'kn', 'm/s', 'mph', 'mm/d', 'mm/s', 'Beaufort'], MEASUREMENT],
  sulphur_dioxide: [['µg/m³'], MEASUREMENT],
  temperature: [['°C', '°F', 'K'], MEASUREMENT],
  timestamp: [[], []],
  volatile_organic_compounds: [['µg/m³'], MEASUREMENT],
  volatile_organic_compounds_parts: [['ppb', 'ppm'], MEASUREMENT],
  voltage: [['µV', 'mV', 'V', 'kV', 'MV'], MEASUREMENT],
  volume: [['L', 'mL', 'gal', 'fl. oz.', 'm³', 'ft³', 'CCF'], TOTALS],
  volume_flow_rate: [['m³/h', 'ft³/min', 'L/min', 'gal/min', 'mL/s'], MEASUREMENT],
  water: [['L', 'gal', 'm³', 'ft³', 'CCF'], TOTALS],
  weight: [['kg', 'g', 'mg', 'µg', 'oz', 'lb', 'st'], ANY_STATE_CLASS],
  wind_direction: [['°'], []],
  wind_speed: [['Beaufort', 'ft/s', 'km/h', 'kn', 'm/s', 'mph'], MEASUREMENT],
};

export const BINARY_SENSOR_CLASSES: readonly string[] = [
  'battery', 'battery_charging', 'carbon_monoxide', 'cold', 'connectivity', 'door', 'garage_door', 'gas', 'heat', 'light', 'lock', 'moisture', 'motion', 'moving',
  'occupancy', 'opening', 'plug', 'power', 'presence', 'problem', 'running', 'safety', 'smoke', 'sound', 'tamper', 'update', 'vibration', 'window',
];
/** Hearth's binary sensor classes HA names otherwise. */
const BINARY_SENSOR_ALIASES: Readonly<Record<string, string>> = { rain: 'moisture' };
export const COVER_CLASSES: readonly string[] = ['awning', 'blind', 'curtain', 'damper', 'door', 'garage', 'gate', 'shade', 'shutter', 'window'];
export const BUTTON_CLASSES: readonly string[] = ['identify', 'restart', 'update'];
export const VALVE_CLASSES: readonly string[] = ['water', 'gas'];

export interface SensorClassing {
  device_class?: string;
  unit_of_measurement?: string;
  state_class?: string;
}

/**
 * A sensor's (or number's) device class, unit and state class as HA will take them: a device
 * class HA does not know, or whose units exclude the entity's, is left out (HA shows the
 * reading without it rather than refusing the entity); so is a state class the class does not allow.
 */
export function sensorClassing(deviceClass: unknown, unit: unknown, stateClass: unknown): SensorClassing {
  const out: SensorClassing = {};
  if (typeof unit === 'string' && unit) out.unit_of_measurement = unit;
  const known = typeof deviceClass === 'string' ? SENSOR_CLASSES[deviceClass] : undefined;
  const [units, stateClasses] = known ?? [undefined, ANY_STATE_CLASS];
  // As HA: a unit is checked against the class only when both are given.
  const unitFits = out.unit_of_measurement === undefined || units === undefined || units.includes(out.unit_of_measurement);
  if (known && unitFits) out.device_class = deviceClass as string;
  const classes = out.device_class ? stateClasses : ANY_STATE_CLASS;
  if (typeof stateClass === 'string' && classes.includes(stateClass)) out.state_class = stateClass;
  return out;
}

/** A device class for the other components: Hearth's aliases applied, unknown ones left out. */
export function deviceClassOf(known: readonly string[], deviceClass: unknown): string | undefined {
  if (typeof deviceClass !== 'string') return undefined;
  const name = known === BINARY_SENSOR_CLASSES ? (BINARY_SENSOR_ALIASES[deviceClass] ?? deviceClass) : deviceClass;
  return known.includes(name) ? name : undefined;
}
